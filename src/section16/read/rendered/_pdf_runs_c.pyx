# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The per-character loop of :func:`section16.read.rendered.pdf_pdfium._runs`, compiled.

Through ctypes, each character costs a Python-level call into PDFium (~1 microsecond); a three-page
filing has ten to twenty thousand characters, so that loop was a third of a PDF's reading. Here the
same three PDFium functions are called through their C addresses (taken from pypdfium2's ctypes
bindings, so no header or link step is needed) and the runs are grouped in C. The rules are those of
the Python loop, in the same arithmetic (the boxes are C floats widened to doubles, the size's root
by ``pow(x, 0.5)`` as Python's ``**`` does), so the runs are identical; a test holds both to that.
"""

from cpython.unicode cimport PyUnicode_4BYTE_KIND, PyUnicode_FromKindAndData
from libc.math cimport pow
from libc.stdlib cimport free, malloc


ctypedef struct RectF:
    float left
    float top
    float right
    float bottom


ctypedef struct MatrixF:
    float a
    float b
    float c
    float d
    float e
    float f


ctypedef int (*BoxFn)(void*, int, RectF*) noexcept nogil
ctypedef int (*MatrixFn)(void*, int, MatrixF*) noexcept nogil
ctypedef double (*SizeFn)(void*, int) noexcept nogil


def runs(
    size_t text_page,
    size_t box_fn,
    size_t matrix_fn,
    size_t size_fn,
    str units,
    double height,
    double x_tolerance,
    double hidden_space,
):
    """Runs as tuples ``(text, x0, x1, top, bottom, last_x0, space_before, space_after)``.

    ``text_page`` is an open FPDF_TEXTPAGE and the three ``*_fn`` the addresses of
    FPDFText_GetLooseCharBox, FPDFText_GetMatrix and FPDFText_GetFontSize; ``units`` is the page's
    text, one character per PDFium character index."""
    cdef void* tp = <void*>text_page
    cdef BoxFn box = <BoxFn>box_fn
    cdef MatrixFn get_matrix = <MatrixFn>matrix_fn
    cdef SizeFn font_size = <SizeFn>size_fn
    cdef Py_ssize_t n = len(units)
    cdef Py_ssize_t i, length = 0
    cdef Py_UCS4 ch
    cdef RectF rect
    cdef MatrixF matrix
    cdef double x0, x1, bottom, loose, size
    cdef double cx0 = 0, cx1 = 0, ctop = 0, cbottom = 0, clast = 0, cur_loose = 0
    cdef bint cur = False, cspace_before = False, space = False
    cdef list out = []
    cdef Py_UCS4* text = <Py_UCS4*>malloc((n + 1) * sizeof(Py_UCS4))
    if text == NULL:
        raise MemoryError()
    try:
        for i in range(n):
            ch = units[i]
            if ch == u"\r" or ch == u"\n" or ch == 0:
                continue  # PDFium's own line break (or nothing): the tops and the gap decide instead
            if ch.isspace():
                if cur:
                    out.append((PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text, length),
                                cx0, cx1, ctop, cbottom, clast, cspace_before, True))
                cur = False
                space = True
                continue
            if not box(tp, <int>i, &rect):
                continue
            x0 = rect.left
            x1 = rect.right
            bottom = height - <double>rect.bottom
            loose = rect.top
            if cur and bottom == cbottom and loose == cur_loose and clast <= x0 <= cx1 + x_tolerance:
                if x0 <= cx1 + hidden_space:
                    text[length] = u"-" if ch == 0xFFFE else ch
                    length += 1
                    if x1 > cx1:
                        cx1 = x1
                    clast = x0
                    continue
                # a space drawn here that PDFium dropped: the run before ends with it
                out.append((PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text, length),
                            cx0, cx1, ctop, cbottom, clast, cspace_before, True))
                cur = False
                space = True
            elif cur:
                out.append((PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text, length),
                            cx0, cx1, ctop, cbottom, clast, cspace_before, False))
                cur = False
            get_matrix(tp, <int>i, &matrix)
            size = font_size(tp, <int>i) * pow(
                <double>matrix.c * <double>matrix.c + <double>matrix.d * <double>matrix.d, 0.5
            )
            cur_loose = loose
            text[0] = u"-" if ch == 0xFFFE else ch
            length = 1
            cx0 = x0
            cx1 = x1
            ctop = bottom - size
            cbottom = bottom
            clast = x0
            cspace_before = space
            cur = True
            space = False
        if cur:
            out.append((PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, text, length),
                        cx0, cx1, ctop, cbottom, clast, cspace_before, False))
    finally:
        free(text)
    return out


ctypedef int (*CountFn)(void*) noexcept nogil
ctypedef void* (*ObjectFn)(void*, int) noexcept nogil
ctypedef int (*KindFn)(void*) noexcept nogil
ctypedef int (*DrawModeFn)(void*, int*, int*) noexcept nogil
ctypedef int (*BoundsFn)(void*, float*, float*, float*, float*) noexcept nogil
ctypedef void* (*SegmentFn)(void*, int) noexcept nogil


def paths(size_t page, tuple fns):
    """The page's path objects, as :func:`~section16.read.rendered.pdf_pdfium._path_records` gives them.

    ``fns`` holds the addresses of FPDFPage_CountObjects, FPDFPage_GetObject, FPDFPageObj_GetType,
    FPDFFormObj_CountObjects, FPDFFormObj_GetObject, FPDFPath_CountSegments, FPDFPath_GetDrawMode,
    FPDFPageObj_GetBounds, FPDFPath_GetPathSegment and FPDFPathSegment_GetType, in that order."""
    cdef CountFn count_objects = <CountFn><size_t>fns[0]
    cdef ObjectFn get_object = <ObjectFn><size_t>fns[1]
    cdef KindFn get_type = <KindFn><size_t>fns[2]
    cdef CountFn form_count = <CountFn><size_t>fns[3]
    cdef ObjectFn form_object = <ObjectFn><size_t>fns[4]
    cdef CountFn count_segments = <CountFn><size_t>fns[5]
    cdef DrawModeFn draw_mode = <DrawModeFn><size_t>fns[6]
    cdef BoundsFn bounds = <BoundsFn><size_t>fns[7]
    cdef SegmentFn get_segment = <SegmentFn><size_t>fns[8]
    cdef KindFn segment_type = <KindFn><size_t>fns[9]
    cdef void* pg = <void*>page
    cdef void* obj
    cdef int i, kind, segments, bounded, is_rect
    cdef int fill = 0, stroke = 0  # kept from the object before when PDFium leaves them, as ctypes does
    cdef float left = 0, bottom = 0, right = 0, top = 0
    cdef list pending = [<size_t>get_object(pg, i) for i in range(count_objects(pg))]
    cdef list out = []
    while pending:
        obj = <void*><size_t>pending.pop()
        kind = get_type(obj)
        if kind == 5:  # a form XObject
            pending.extend([<size_t>form_object(obj, i) for i in range(form_count(obj))])
            continue
        if kind != 2:
            continue
        segments = count_segments(obj)
        draw_mode(obj, &fill, &stroke)
        bounded = bounds(obj, &left, &bottom, &right, &top) != 0
        is_rect = segments == 5 and segment_type(get_segment(obj, 2)) == 0
        out.append((<size_t>obj, segments, stroke != 0, bounded != 0, left, bottom, right, top, is_rect != 0))
    return out
