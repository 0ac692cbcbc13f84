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
from libc.math cimport fabs, pow
from libc.stdlib cimport free, malloc

import builtins
from operator import attrgetter, itemgetter

_X_KEY = itemgetter(1, 2)  # a run's (x0, x1)


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
    double hidden_share,
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
                if x0 <= cx1 + (hidden_space if hidden_space >= hidden_share * (cbottom - ctop)
                                else hidden_share * (cbottom - ctop)):
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


def words(list runs, double y_tolerance, double x_tolerance):
    """pdfplumber's words from the runs, as :func:`~section16.read.rendered.pdf_pdfium._words` builds
    them, as tuples ``(text, x0, x1, top, bottom)``: ``runs`` are the tuples :func:`runs` gives. The
    same rules in the same arithmetic (``max``/``min`` keep the word's value unless the run's is
    greater/smaller, as Python's do), so the words are identical; a test holds both to that."""
    cdef list tops = sorted({r[3] for r in runs})
    cdef dict line_of = {}
    cdef Py_ssize_t j, k = 0
    for j in range(len(tops)):
        if j and <double>tops[j] > <double>tops[j - 1] + y_tolerance:
            k += 1
        line_of[tops[j]] = k
    cdef list lines = [[] for _ in range(k + 1)] if tops else []
    cdef tuple r
    for r in runs:
        (<list>lines[line_of[r[3]]]).append(r)
    cdef list out = []
    cdef list line
    cdef str text = "", wtext = ""
    cdef double x0, x1, top, bottom, wx0 = 0, wx1 = 0, wtop = 0, wbottom = 0, wlast_x0 = 0, wlast_top = 0
    cdef bint have, wspace_after = False
    for line in lines:
        line.sort(key=_X_KEY)
        have = False
        for r in line:
            x0 = r[1]
            x1 = r[2]
            top = r[3]
            bottom = r[4]
            if have and not (
                wspace_after
                or r[6]
                or x0 < wlast_x0
                or x0 > wx1 + x_tolerance
                or fabs(top - wlast_top) > y_tolerance
            ):
                wtext = wtext + <str>r[0]
                if x1 > wx1:
                    wx1 = x1
                if top < wtop:
                    wtop = top
                if bottom > wbottom:
                    wbottom = bottom
                wlast_x0 = r[5]
                wlast_top = top
                wspace_after = r[7]
                continue
            if have:
                out.append((wtext, wx0, wx1, wtop, wbottom))
            wtext = r[0]
            wx0 = x0
            wx1 = x1
            wtop = top
            wbottom = bottom
            wlast_x0 = r[5]
            wlast_top = top
            wspace_after = r[7]
            have = True
        if have:
            out.append((wtext, wx0, wx1, wtop, wbottom))
    return out




ctypedef int (*MatrixObjFn)(void*, MatrixF*) noexcept nogil
ctypedef int (*PointFn)(void*, float*, float*) noexcept nogil


def rules(size_t page, tuple fns, tuple more_fns, double height, double small_shape):
    """The page's rules and small shapes, as :func:`~section16.read.rendered.pdf_pdfium._rules` finds
    them with ctypes: ``(h, v, small)``, each in the same order, in the same arithmetic (the points
    are C floats widened to doubles, the matrix applied as Python does it). ``fns`` as for
    :func:`paths`; ``more_fns``: FPDFPageObj_GetMatrix, FPDFPathSegment_GetPoint and
    FPDFPathSegment_GetClose."""
    cdef list h = [], v = [], small = []
    cdef size_t address
    cdef int segments
    cdef double x0, x1, y0, y1
    cdef MatrixObjFn get_matrix = <MatrixObjFn><size_t>more_fns[0]
    cdef PointFn get_point = <PointFn><size_t>more_fns[1]
    cdef KindFn get_close = <KindFn><size_t>more_fns[2]
    cdef CountFn count_segments = <CountFn><size_t>fns[5]
    cdef SegmentFn get_segment = <SegmentFn><size_t>fns[8]
    cdef KindFn segment_type = <KindFn><size_t>fns[9]
    for address, segments, stroke, bounded, left, bottom, right, top, is_rect in paths(page, fns):
        x0 = left
        x1 = right
        y0 = height - <double>top
        y1 = height - <double>bottom
        if bounded and x1 - x0 <= small_shape and y1 - y0 <= small_shape:  # a check box's parts, its tick
            if stroke:
                small.append(_points_box(<void*>address, height, get_matrix, count_segments, get_segment, get_point))
            else:
                small.append((x0, y0, x1, y1))
        if (segments == 2 or segments == 5) and not stroke and bounded:
            if segments == 2:  # a line
                if y1 - y0 <= x1 - x0:
                    h.append(((y0 + y1) / 2, x0, x1))
                else:
                    v.append(((x0 + x1) / 2, y0, y1))
            elif is_rect:
                h.append((y0, x0, x1))
                h.append((y1, x0, x1))
                v.append((x0, y0, y1))
                v.append((x1, y0, y1))
                continue
            else:
                _sides(<void*>address, height, h, v, get_matrix, count_segments, get_segment, get_point,
                       segment_type, get_close)
        elif segments:
            _sides(<void*>address, height, h, v, get_matrix, count_segments, get_segment, get_point,
                   segment_type, get_close)
    return h, v, small


cdef tuple _points_box(void* obj, double height, MatrixObjFn get_matrix, CountFn count_segments,
                       SegmentFn get_segment, PointFn get_point):
    cdef MatrixF m
    m.a = m.b = m.c = m.d = m.e = m.f = 0  # (left as ctypes leaves a fresh FS_MATRIX where PDFium fails)
    cdef float x = 0, y = 0
    cdef double px, py, min_x = 0, min_y = 0, max_x = 0, max_y = 0
    cdef int i, n
    get_matrix(obj, &m)
    n = count_segments(obj)
    if n <= 0:
        return (0.0, 0.0, 0.0, 0.0)
    for i in range(n):
        get_point(get_segment(obj, i), &x, &y)
        px = <double>m.a * <double>x + <double>m.c * <double>y + <double>m.e
        py = height - (<double>m.b * <double>x + <double>m.d * <double>y + <double>m.f)
        if i == 0:
            min_x = max_x = px
            min_y = max_y = py
            continue
        # Python's min() and max() keep the first value unless a later one is smaller (larger)
        if px < min_x:
            min_x = px
        if py < min_y:
            min_y = py
        if px > max_x:
            max_x = px
        if py > max_y:
            max_y = py
    return (min_x, min_y, max_x, max_y)


cdef void _sides(void* obj, double height, list h, list v, MatrixObjFn get_matrix, CountFn count_segments,
                 SegmentFn get_segment, PointFn get_point, KindFn segment_type, KindFn get_close):
    """Each straight axis-parallel segment of a path (its matrix applied) as an edge."""
    cdef MatrixF m
    m.a = m.b = m.c = m.d = m.e = m.f = 0
    cdef float x = 0, y = 0
    cdef double px, py, sx = 0, sy = 0, lx = 0, ly = 0
    cdef bint has_start = False, has_last = False, last_is_start = False
    cdef int i, kind
    cdef void* seg
    if not get_matrix(obj, &m):
        return
    for i in range(count_segments(obj)):
        seg = get_segment(obj, i)
        get_point(seg, &x, &y)
        kind = segment_type(seg)
        px = <double>m.a * <double>x + <double>m.c * <double>y + <double>m.e
        py = height - (<double>m.b * <double>x + <double>m.d * <double>y + <double>m.f)
        if kind == 0 and has_last:  # a line to here
            _edge(lx, ly, px, py, h, v)
        last_is_start = False
        if kind == 2:  # a move: a figure starts here
            sx = px
            sy = py
            has_start = True
            last_is_start = True  # (the same point: Python's tuples are one object)
        lx = px
        ly = py
        has_last = True
        # (Python compares the two points as tuples: one object, or equal coordinates, is the same point)
        if get_close(seg) and has_start and not (last_is_start or (lx == sx and ly == sy)):
            _edge(lx, ly, sx, sy, h, v)
            lx = sx
            ly = sy
            last_is_start = True


cdef void _edge(double ax, double ay, double bx, double by, list h, list v):
    if fabs(ay - by) < 0.01:
        h.append(((ay + by) / 2, bx if bx < ax else ax, bx if bx > ax else ax))
    elif fabs(ax - bx) < 0.01:
        v.append(((ax + bx) / 2, by if by < ay else ay, by if by > ay else ay))


_pyround, _pyint = builtins.round, builtins.int  # (Python's, called as such: Cython would use C's)
_TOP, _X0 = attrgetter("top"), attrgetter("x0")


def layout(list words, double line_tolerance, double points_per_column):
    """:func:`section16.read.rendered.pdf._layout` compiled: the page's words (``Word`` tuples) as text
    lines on the grid, the points per grid line and each text line's top. The same steps in the same
    arithmetic: the sorts and Python's rounding are Python's own, the rest doubles as Python's floats;
    a test holds both to that."""
    cdef Py_ssize_t i, n = len(words)
    for v in words:  # (the loops below read the tuples unchecked)
        if not isinstance(v, tuple) or len(<tuple>v) != 5:
            raise TypeError(f"layout takes Word tuples, not {type(v).__name__}")
    # (each top rounded once: a line's words share it, and rounding to a decimal is slow)
    cdef dict rounded = {t: _pyround(t, 1) for t in set(map(_TOP, words))}
    cdef list keys = list(zip(map(rounded.__getitem__, map(_TOP, words)), map(_X0, words)))
    cdef list lines = [], line = None
    cdef tuple w
    cdef double first_top = 0, top
    for i in sorted(range(n), key=keys.__getitem__):
        w = <tuple>words[i]
        top = w[3]
        if line is not None and fabs(first_top - top) < line_tolerance:
            line.append(w)
        else:
            line = [w]
            lines.append(line)
            first_top = top
    cdef list heights = sorted([<double>(<tuple>v)[4] - <double>(<tuple>v)[3] for v in words]) or [10.0]
    cdef double half = <double>heights[len(heights) // 2] / 2
    step = 1.0 if 1.0 > half else half  # (max(half, 1.0))
    cdef double fstep = step
    cdef list out = [], tops = []
    cdef Py_ssize_t k
    cdef double at, last, height, x0, last_x1
    cdef str buf, text
    for line in lines:
        row = _pyround((<tuple>line[0])[3] / fstep)
        k = len(out)  # (as many tops as lines)
        while k < row:
            out.append("")
            at = k * fstep
            if not k:
                tops.append(at)
            else:
                last = tops[k - 1]
                tops.append(at if at > last else tops[k - 1])  # (max(tops[-1], at))
            k += 1
        buf = ""
        last_x1 = 0.0
        for v in sorted(line, key=_X0):
            w = <tuple>v
            text = w[0]
            x0 = w[1]
            height = <double>w[4] - <double>w[3]
            if buf and x0 - last_x1 < 0.45 * (1.0 if height < 1.0 else height):
                buf = buf + (" " + text)  # the next word of one phrase
            else:
                col = _pyint(x0 / points_per_column)
                other = len(buf) + 2 if buf else 0
                buf = buf.ljust(other if other > col else col) + text  # (max(col, other))
            last_x1 = w[2]
        out.append(buf)
        tops.append((<tuple>line[0])[3])
    return out, step, tops
