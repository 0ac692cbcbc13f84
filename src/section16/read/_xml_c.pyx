# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The fast path for table rows, compiled: :func:`section16.read.xml_fast.read_row` over libxml2's tree.

The pure-Python fast path spends most of its time not on the filing but on lxml's per-element proxies
(an object for every element, its parent and its tag). This module does the same walk over the
libxml2 nodes under the lxml element it is given, through lxml's public C API, so no proxy is made.

It must give exactly what ``xml_fast.read_row`` gives, or raise ``GiveUp`` where that does: the same
``kw``, the same Values (shared through the same cache), the same notes. The reading rules are those
of ``xml_fast.read_row`` (see its docstring); tests compare the two on every corpus file and on
mutated rows. lxml's ``.text`` is reproduced by :func:`_text` (consecutive text and CDATA children,
``None`` when there are none, ``''`` when they are all empty), and an element in a namespace (whose
lxml tag is ``{uri}name``) matches no field, as in the Python path.
"""

from cpython.dict cimport PyDict_GetItem
from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF
from cpython.unicode cimport PyUnicode_AsUTF8, PyUnicode_DecodeUTF8
from libc.string cimport strcmp, strlen

from lxml.includes cimport tree
from lxml.includes.etreepublic cimport _Element

from datetime import date
from decimal import Decimal

from section16.read.xml_fast import GiveUp, _VALUES, _VALUES_MAX
from section16.read.convert import _to_bool, _to_code, _to_date, _to_decimal, _to_str
from section16.model import EMPTY, Value
from section16.model import Coding

cdef extern from "Python.h":
    ctypedef struct PyMemberDef:
        const char* name
        Py_ssize_t offset
    ctypedef struct PyMemberDescrObject:
        PyMemberDef* d_member
    int PyMember_SetOne(char* addr, PyMemberDef* m, object v) except -1
    object PyMember_GetOne(const char* addr, PyMemberDef* m)

cdef object _MemberDescriptor = type(Coding.__dict__["code"])
cdef object _new = object.__new__
cdef object _SET_FORM_TYPE = Coding.__dict__["form_type"].__set__
cdef object _SET_CODE = Coding.__dict__["code"].__set__
cdef object _SET_SWAP = Coding.__dict__["equity_swap_involved"].__set__
cdef object _SET_CODING_FNS = Coding.__dict__["footnote_ids"].__set__
cdef dict _values = _VALUES
cdef object _SET_VALUE = Value.__dict__["value"].__set__
cdef object _SET_FNS = Value.__dict__["footnote_ids"].__set__
cdef object _fromisoformat = date.fromisoformat


cdef inline bint _is_text(tree.xmlNode* c) noexcept:
    return c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE


cdef inline tree.xmlNode* _text_or_skip(tree.xmlNode* c) noexcept:
    # lxml's _textNodeOrSkip: text and CDATA count, XInclude markers are stepped over.
    while c is not NULL:
        if _is_text(c):
            return c
        if c.type == tree.XML_XINCLUDE_START or c.type == tree.XML_XINCLUDE_END:
            c = c.next
            continue
        return NULL
    return NULL


cdef object _text(tree.xmlNode* node):
    """``element.text`` for the element ``node``, as lxml gives it."""
    cdef tree.xmlNode* first = _text_or_skip(node.children)
    cdef tree.xmlNode* c = first
    cdef const char* only = NULL
    cdef int count = 0
    while c is not NULL:
        if c.content is not NULL and c.content[0] != 0:
            only = <const char*>c.content
        count += 1
        c = _text_or_skip(c.next)
    if only is NULL:
        return "" if count else None
    if count == 1:
        return PyUnicode_DecodeUTF8(only, strlen(only), NULL)
    parts = []
    c = first
    while c is not NULL:
        if c.content is not NULL:
            parts.append(PyUnicode_DecodeUTF8(<const char*>c.content, strlen(<const char*>c.content), NULL))
        c = _text_or_skip(c.next)
    return "".join(parts)


cdef inline object _stripped(tree.xmlNode* node):
    t = _text(node)
    return t.strip() if t else None


ctypedef struct _NameSlot:
    const unsigned char* ptr
    PyObject* name

# Element names as Python strings, remembered by the address of libxml2's copy of the name (its
# parser dictionary gives equal names one address). A hit is checked against the text itself, so an
# address reused for another name is only a miss; the strings are kept for the life of the process.
cdef _NameSlot _names[512]


cdef inline object _name(tree.xmlNode* node):
    """The element's lxml tag, or None where lxml's tag would carry a namespace (``{uri}name``)."""
    if node.ns is not NULL and node.ns.href is not NULL:
        return None
    cdef const unsigned char* raw = node.name
    cdef _NameSlot* slot = &_names[((<size_t>raw) >> 3) & 511]
    if slot.ptr == raw and strcmp(PyUnicode_AsUTF8(<object>slot.name), <const char*>raw) == 0:
        return <object>slot.name
    name = PyUnicode_DecodeUTF8(<const char*>raw, strlen(<const char*>raw), NULL)
    if slot.name is NULL:  # the first name in this slot stays: no reference is ever dropped
        Py_INCREF(name)
        slot.name = <PyObject*>name
        slot.ptr = raw
    return name


cdef inline tree.xmlNode* _next_element(tree.xmlNode* c) except? NULL:
    """The next element from ``c`` on, skipping text; anything else (a comment, a PI) gives up.

    The Python path sees comments and processing instructions as descendants with a non-string tag
    and gives up on them; the parser removes them, so this is only for trees built otherwise.
    """
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE:
            return c
        if not _is_text(c) and c.type != tree.XML_XINCLUDE_START and c.type != tree.XML_XINCLUDE_END:
            raise GiveUp
        c = c.next
    return NULL


cdef object _footnote_id(tree.xmlNode* node):
    """``element.get("id")``: the value of the un-namespaced ``id`` attribute, or None.

    libxml2's own functions are not reachable from here (lxml links it privately), so the attribute
    list is read directly: an attribute's value is the text of its children (no DTD is ever loaded,
    so there are no defaulted attributes and no entity references to expand).
    """
    cdef tree.xmlAttr* a = node.properties
    cdef tree.xmlNode* c
    while a is not NULL:
        if a.ns is NULL and strcmp(<const char*>a.name, b"id") == 0:
            parts = []
            c = a.children
            while c is not NULL:
                if c.type != tree.XML_TEXT_NODE:
                    raise GiveUp
                if c.content is not NULL:
                    parts.append(PyUnicode_DecodeUTF8(<const char*>c.content, strlen(<const char*>c.content), NULL))
                c = c.next
            return "".join(parts)
        a = a.next
    return None


cdef object _field(tree.xmlNode* node, object conv, object ctx):
    """The Value of a field element: ``<x><value>..</value><footnoteId id=".."/>*</x>`` or ``<x>..</x>``."""
    cdef tree.xmlNode* c = _next_element(node.children)
    cdef bint seen_value = False
    cdef tuple fns = ()
    text = None
    while c is not NULL:
        if _next_element(c.children) is not NULL:
            raise GiveUp  # an element inside a leaf
        name = _name(c)
        if name == "value":
            if seen_value:
                raise GiveUp
            seen_value = True
            text = _stripped(c)
        elif name == "footnoteId":
            fid = _footnote_id(c)
            if not fid:
                raise GiveUp
            fns += (fid.strip(),)
        else:
            raise GiveUp
        c = _next_element(c.next)
    if not seen_value:
        text = _stripped(node)
    return _value(conv, text, fns, ctx)


cdef object _convert(object conv, str t, object ctx):
    """``xml_fast._convert``: the common cases inline, anything else through the converter."""
    if conv is _to_str:
        return t
    if conv is _to_decimal and t.isascii() and t.replace(".", "", 1).isdigit():
        return Decimal(t)
    if conv is _to_code:
        return t.upper()
    if conv is _to_date and len(t) == 10:
        try:
            return _fromisoformat(t)  # what _to_date gives for ten characters it can read
        except ValueError:
            pass
    return conv(t, ctx, "")


cdef object _value(object conv, object text, tuple fns, object ctx):
    """``xml_fast._field_value``: a field's Value, shared through the same cache for equal text."""
    cdef PyObject* hit
    if fns:
        o = _new(Value)
        _SET_VALUE(o, _convert(conv, text, ctx) if text else None)
        _SET_FNS(o, fns)
        return o
    if not text:
        return EMPTY
    key = (conv, text)
    hit = PyDict_GetItem(_values, key)
    if hit is not NULL:
        return <object>hit
    cdef list notes = ctx.notes
    cdef Py_ssize_t n = len(notes)
    value = _convert(conv, text, ctx)
    if value is None:
        v = EMPTY
    else:
        v = _new(Value)
        _SET_VALUE(v, value)
        _SET_FNS(v, ())
    if len(notes) == n:  # never remember a reading that needed a note
        if len(_values) >= _VALUES_MAX:
            _values.clear()
        _values[key] = v
    return v


cdef object _coding(tree.xmlNode* node, object ctx):
    cdef tree.xmlNode* c = _next_element(node.children)
    cdef tuple fns = ()
    form_type = code = swap = None
    while c is not NULL:
        if _next_element(c.children) is not NULL:
            raise GiveUp
        name = _name(c)
        t = _text(c)
        t = t.strip() if t else ""
        # As the general reader's _coding: the last of a repeated element counts.
        if name == "transactionCode":
            code = t.upper() or None
        elif name == "transactionFormType":
            form_type = t or None
        elif name == "equitySwapInvolved":
            swap = _to_bool(t, ctx, "")
        elif name == "footnoteId":
            fid = _footnote_id(c)
            if fid:
                fns += (fid.strip(),)
        else:
            raise GiveUp
        c = _next_element(c.next)
    o = _new(Coding)
    _SET_FORM_TYPE(o, form_type)
    _SET_CODE(o, code)
    _SET_SWAP(o, swap)
    _SET_CODING_FNS(o, fns)
    return o


cdef void _take(tree.xmlNode* node, object spec, frozenset allowed, dict kw, object ctx) except *:
    attr, conv = <tuple>spec
    if attr not in allowed:
        raise GiveUp
    prev = kw.get(attr)
    if prev is not None and prev.present:
        raise GiveUp
    kw[attr] = _field(node, conv, ctx)


def read_row(_Element row, frozenset allowed, dict fields, frozenset containers, object ctx) -> dict:
    """The row's fields as the general reader's ``kw``; raises GiveUp where it would differ."""
    return _row(row._c_node, allowed, fields, containers, ctx)


cdef dict _row(tree.xmlNode* row, frozenset allowed, dict fields, frozenset containers, object ctx):
    cdef list notes = ctx.notes
    cdef Py_ssize_t n_notes = len(notes)
    cdef dict kw = {}
    _fill(row, True, allowed, fields, containers, kw, ctx)
    if len(notes) != n_notes:
        raise GiveUp
    return kw


cdef void _fill(tree.xmlNode* parent, bint top, frozenset allowed, dict fields, frozenset containers, dict kw,
                object ctx) except *:
    """The fields under a row (``top``) or under one of its containers, which hold no containers."""
    cdef tree.xmlNode* c = _next_element(parent.children)
    while c is not NULL:
        name = _name(c)
        spec = fields.get(name)
        if spec is not None:
            _take(c, spec, allowed, kw, ctx)
        elif top and name in containers:
            _fill(c, False, allowed, fields, containers, kw, ctx)
        elif name == "transactionCoding" and "coding" not in kw and "coding" in allowed:
            kw["coding"] = _coding(c, ctx)
        else:
            raise GiveUp
        c = _next_element(c.next)


cdef class _Slots:
    """A slotted dataclass's fields as libpython's member definitions, to set them without a call each.

    ``xml_fast.build`` calls each slot descriptor's ``__set__``; this sets the same slots through
    ``PyMember_SetOne``, which is what those calls end in.
    """

    cdef PyMemberDef** members
    cdef list names
    cdef list defaults
    cdef list keep  # the descriptors own the member definitions
    cdef Py_ssize_t n
    cdef type cls
    cdef tuple spec  # held, so that its id names no other spec while this lives

    def __cinit__(self, type cls, tuple spec):
        self.cls = cls
        self.spec = spec
        self.n = len(spec)
        self.names = [item[0] for item in spec]
        self.defaults = [item[2] for item in spec]
        self.keep = [cls.__dict__[name] for name in self.names]
        self.members = <PyMemberDef**>PyMem_Malloc(self.n * sizeof(PyMemberDef*))
        if self.members is NULL:
            raise MemoryError
        for i, d in enumerate(self.keep):
            if type(d) is not _MemberDescriptor:
                raise TypeError(f"{cls.__name__}.{self.names[i]} is not a slot")
            self.members[i] = (<PyMemberDescrObject*>d).d_member

    def __dealloc__(self):
        PyMem_Free(self.members)


cdef dict _slots = {}  # id(spec) -> _Slots


cdef _Slots _slots_for(type cls, tuple spec):
    """The member definitions of ``cls`` for ``spec``, made once; never those of another class."""
    cdef object got = _slots.get(id(spec))
    if got is not None and (<_Slots>got).cls is cls and (<_Slots>got).spec is spec:
        return <_Slots>got
    slots = _Slots(cls, spec)
    if len(_slots) < 256:
        _slots[id(spec)] = slots
    return slots


cdef object _build(type cls, _Slots slots, dict kw):
    o = _new(cls)
    cdef char* addr = <char*><PyObject*>o
    cdef Py_ssize_t i
    cdef PyObject* v
    for i in range(slots.n):
        v = PyDict_GetItem(kw, slots.names[i])
        if v is NULL:
            PyMember_SetOne(addr, slots.members[i], slots.defaults[i])
        else:
            PyMember_SetOne(addr, slots.members[i], <object>v)
    return o


def replace_slot(object obj, tuple spec, str name, object value):
    """``dataclasses.replace(obj, name=value)`` for a frozen slotted dataclass (``spec``: its slot spec)."""
    cdef _Slots slots = _slots_for(type(obj), spec)
    o = _new(slots.cls)
    cdef char* src = <char*><PyObject*>obj
    cdef char* addr = <char*><PyObject*>o
    cdef Py_ssize_t i
    cdef bint found = False
    for i in range(slots.n):
        if slots.names[i] == name:
            PyMember_SetOne(addr, slots.members[i], value)
            found = True
        else:
            PyMember_SetOne(addr, slots.members[i], PyMember_GetOne(src, slots.members[i]))
    if not found:
        raise TypeError(f"{slots.cls.__name__} has no field {name}")
    return o


cpdef object build(type cls, tuple spec, dict kw):
    """``xml_fast.build``, compiled: ``cls(**kw)`` for a frozen slotted dataclass, setting its slots."""
    return _build(cls, _slots_for(cls, spec), kw)


# -- the whole document ---------------------------------------------------------------------------------
# xml.py hands over its tables and model specs once (it imports this module, so this one cannot import
# it back); read_document then reads a schema-shaped ownershipDocument without one lxml proxy.

cdef dict _cfg = {}


def configure(specs, **parts):
    """Called once by ``section16.read.xml`` with its slot specs (class -> spec), tables and converters."""
    for cls, spec in specs.items():
        _slots[id(spec)] = _Slots(cls, spec)
    _cfg.update(parts)


cdef object _leaf(tree.xmlNode* node):
    """``xml._text``: the stripped text, else the text of a ``<value>`` child, else ''."""
    cdef tree.xmlNode* c
    t = _text(node)
    if t is not None:
        return t.strip()
    c = node.children
    while c is not NULL:
        if c.type == tree.XML_ELEMENT_NODE and (c.ns is NULL or c.ns.href is NULL) \
                and strcmp(<const char*>c.name, b"value") == 0:
            t = _text(c)
            return t.strip() if t else ""
        c = c.next
    return ""


cdef object _plain(tree.xmlNode* node):
    """``xml._mixed_text`` for an element without inner elements; gives up on mixed content."""
    if _next_element(node.children) is not NULL:
        raise GiveUp
    t = _text(node)
    return t.strip() if t else ""


cdef object _issuer(tree.xmlNode* node, object ctx):
    cdef tree.xmlNode* c = _next_element(node.children)
    cdef dict kw = {}
    while c is not NULL:
        name = _name(c)
        if name == "issuerCik":
            kw["cik"] = _leaf(c)
        elif name == "issuerName":
            kw["name"] = _leaf(c) or None
        elif name == "issuerTradingSymbol":
            kw["trading_symbol"] = _leaf(c) or None
        elif name == "issuerForeignTradingSymbol":
            kw["foreign_trading_symbol"] = _leaf(c) or None
        else:
            raise GiveUp  # the Python reader keeps it aside
        c = _next_element(c.next)
    if "cik" not in kw:
        kw["cik"] = ""
    return build(_cfg["Issuer"], _cfg["issuer_spec"], kw)


cdef object _owner(tree.xmlNode* node, object ctx, Py_ssize_t n):
    cdef tree.xmlNode* part = _next_element(node.children)
    cdef tree.xmlNode* c
    cdef dict akw, rkw
    cdef dict address_fields = _cfg["address_fields"]
    cdef dict rel_flags = _cfg["rel_flags"]
    cdef frozenset true = _cfg["true"], false = _cfg["false"]
    to_bool = _cfg["to_bool"]
    cik = name = ccc = address = None
    rel = _cfg["no_relationship"]
    while part is not NULL:
        tag = _name(part)
        c = _next_element(part.children)
        if tag == "reportingOwnerId":
            while c is not NULL:
                t = _name(c)
                if t == "rptOwnerCik":
                    cik = _leaf(c) or None
                elif t == "rptOwnerName":
                    name = _leaf(c) or None
                elif t == "rptOwnerCcc":
                    ccc = _leaf(c) or None
                else:
                    raise GiveUp
                c = _next_element(c.next)
        elif tag == "reportingOwnerAddress":
            akw = {}
            while c is not NULL:
                t = _name(c)
                attr = address_fields.get(t)
                if attr is not None:
                    akw[attr] = _leaf(c) or None
                elif t == "rptOwnerNonUSAddressFlag":
                    akw["non_us"] = to_bool(_leaf(c), ctx, f"reportingOwner[{n}].{t}")
                elif t == "rptOwnerGoodAddress":
                    akw["good_address"] = to_bool(_leaf(c), ctx, f"reportingOwner[{n}].{t}")
                else:
                    raise GiveUp
                c = _next_element(c.next)
            address = build(_cfg["Address"], _cfg["address_spec"], akw)
        elif tag == "reportingOwnerRelationship":
            rkw = {}
            while c is not NULL:
                t = _name(c)
                attr = rel_flags.get(t)
                if attr is not None:
                    raw = _leaf(c)
                    low = raw.lower()
                    if low in true:
                        rkw[attr] = True
                    elif not low or low in false:
                        rkw[attr] = False  # absent or empty means not checked
                    else:
                        rkw[attr] = bool(to_bool(raw, ctx, f"reportingOwner[{n}].{t}"))
                elif t == "officerTitle":
                    rkw["officer_title"] = _leaf(c) or None
                elif t == "otherText":
                    rkw["other_text"] = _leaf(c) or None
                else:
                    raise GiveUp
                c = _next_element(c.next)
            rel = build(_cfg["Relationship"], _cfg["relationship_spec"], rkw)
        else:
            raise GiveUp
        part = _next_element(part.next)
    return build(_cfg["ReportingOwner"], _cfg["owner_spec"],
                 {"cik": cik, "name": name, "ccc": ccc, "address": address, "relationship": rel})


cdef void _table(tree.xmlNode* node, object ctx, dict out) except *:
    cdef dict row_classes = _cfg["row_classes"]
    cdef dict row_specs = _cfg["row_specs"]
    cdef dict fields = _cfg["row_fields"]
    cdef frozenset containers = _cfg["containers"]
    cdef tree.xmlNode* c = _next_element(node.children)
    while c is not NULL:
        tag = _name(c)
        spec = row_classes.get(tag)
        if spec is None:
            raise GiveUp
        cls, allowed = <tuple>spec
        kw = _row(c, allowed, fields, containers, ctx)
        (<list>out[tag]).append(build(cls, row_specs[cls], kw))
        c = _next_element(c.next)


cdef bint _is_mended(tree.xmlNode* node) noexcept:
    cdef tree.xmlAttr* a = node.properties
    while a is not NULL:
        if a.ns is not NULL and strcmp(<const char*>a.name, b"mended-ampersands") == 0:
            return True
        a = a.next
    return False


def read_document(_Element root, object ctx, object source):
    """The Filing of a schema-shaped ``ownershipDocument`` (``root``), or GiveUp.

    It gives up at anything the Python reader would note, keep aside or read again (an unknown
    element, a value its converter notes, mixed content, a missing documentType or issuer), so that
    whatever it returns is what :func:`section16.read.xml.filing_from_element` returns.
    """
    cdef tree.xmlNode* node = root._c_node
    cdef tree.xmlNode* el
    cdef tree.xmlNode* f
    cdef tree.xmlNode* c
    cdef list notes = ctx.notes
    cdef dict kw = {}
    cdef list owners = []
    cdef list footnotes = []
    cdef list signatures = []
    cdef dict top = _cfg["top"]
    cdef dict rows = {k: [] for k in _cfg["row_classes"]}
    if _is_mended(node):
        raise GiveUp
    Footnote = _cfg["Footnote"]
    footnote_spec = _cfg["footnote_spec"]
    Signature = _cfg["Signature"]
    signature_spec = _cfg["signature_spec"]
    to_date = _cfg["to_date"]
    el = _next_element(node.children)
    while el is not NULL:
        tag = _name(el)
        if tag == "reportingOwner":
            owners.append(_owner(el, ctx, len(owners) + 1))
        elif tag == "nonDerivativeTable" or tag == "derivativeTable":
            _table(el, ctx, rows)
        elif tag == "footnotes":
            f = _next_element(el.children)
            while f is not NULL:
                if _name(f) != "footnote":
                    raise GiveUp
                fid = _footnote_id(f)
                fid = fid.strip() if fid else ""
                if not fid:
                    raise GiveUp  # noted by the Python reader
                footnotes.append(build(Footnote, footnote_spec, {"id": fid, "text": _plain(f)}))
                f = _next_element(f.next)
        elif tag == "ownerSignature":
            sname = sdate = None
            c = _next_element(el.children)
            while c is not NULL:
                t = _name(c)
                if t == "signatureName":
                    sname = _leaf(c) or None
                elif t == "signatureDate":
                    sdate = to_date(_leaf(c), ctx, f"ownerSignature[{len(signatures) + 1}].signatureDate")
                else:
                    raise GiveUp
                c = _next_element(c.next)
            signatures.append(build(Signature, signature_spec, {"name": sname, "date": sdate}))
        elif tag == "issuer":
            kw["issuer"] = _issuer(el, ctx)
        else:
            handler = top.get(tag)
            if handler is not None:
                attr, conv = <tuple>handler
                kw[attr] = conv(_leaf(el), ctx, tag)
            elif tag == "remarks":
                kw["remarks"] = _plain(el) or None
            else:
                raise GiveUp
        el = _next_element(el.next)
    if not kw.get("document_type") or "issuer" not in kw or notes:
        raise GiveUp
    kw["reporting_owners"] = tuple(owners)
    kw["non_derivative_transactions"] = tuple(rows["nonDerivativeTransaction"])
    kw["non_derivative_holdings"] = tuple(rows["nonDerivativeHolding"])
    kw["derivative_transactions"] = tuple(rows["derivativeTransaction"])
    kw["derivative_holdings"] = tuple(rows["derivativeHolding"])
    kw["footnotes"] = tuple(footnotes)
    kw["signatures"] = tuple(signatures)
    kw["unknown"] = ()
    kw["notes"] = ()
    kw["source"] = source
    return build(_cfg["Filing"], _cfg["filing_spec"], kw)
