# cython: language_level=3, boundscheck=False, wraparound=False
"""The line loop of a ``.txt`` submission header, compiled (see ``submission._parse_header``).

A header is some sixty ``<indent>KEY:<TAB>value`` lines; in Python, the string methods on each line
(split, strip, partition, expandtabs) cost more than the rest of reading the envelope. This loop
finds each line's parts by index over the header's characters and makes strings only for the key
and the value of a line that has both.

It must read exactly as the Python loop does, line for line: lines as ``str.splitlines`` cuts them,
white space as ``str.strip`` sees it, the indent as ``len(prefix.expandtabs(8))``; the decisions on
each line (blocks, sub-blocks, fields, top keys) and a block's ``put`` and ``open_sub`` are the Python
loop's and ``_Block``'s, written again below; ``submission._build`` builds either kind of block. Tests compare the two on every corpus header, on its CRLF,
CR and form-feed variants, and on generated headers.
"""

from cpython.unicode cimport PyUnicode_Substring

cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    int PyUnicode_1BYTE_KIND


cdef inline bint _is_break(unsigned char c) noexcept:
    # str.splitlines' line boundaries among the first 256 code points.
    return c == 0x0A or c == 0x0B or c == 0x0C or c == 0x0D or c == 0x1C or c == 0x1D or c == 0x1E or c == 0x85


cdef inline bint _is_space(unsigned char c) noexcept:
    # str.strip's white space among the first 256 code points.
    return (0x09 <= c <= 0x0D) or (0x1C <= c <= 0x20) or c == 0x85 or c == 0xA0


cdef class Block:
    """A filer block while it is read: ``submission._Block`` in C (the same attributes and rules)."""

    cdef public str role
    cdef public dict fields
    cdef public dict addresses
    cdef public list former
    cdef public object sub

    def __init__(self, str role):
        self.role = role
        self.fields = {}
        self.addresses = {}
        self.former = []
        self.sub = None

    cdef put(self, object key, object value, dict address_keys, dict filer_keys):
        cdef object sub = self.sub
        cdef object attr
        if sub == "BUSINESS ADDRESS" or sub == "MAIL ADDRESS":
            attr = address_keys.get(key)
            if attr:
                self.addresses.setdefault(sub, {})[attr] = value
            return
        if sub == "FORMER COMPANY" or sub == "FORMER NAME":
            if not self.former:
                self.former.append({})
            self.former[len(self.former) - 1][key] = value
            return
        attr = filer_keys.get(key)
        if attr and value:
            self.fields.setdefault(attr, value)

    cdef open_sub(self, object name):
        self.sub = name
        if name == "FORMER COMPANY" or name == "FORMER NAME":
            self.former.append({})


def parse_txt_header(
    str header,
    dict keys,
    object header_key,
    dict top_keys,
    dict blocks_map,
    object sub_blocks,
    dict address_keys,
    dict filer_keys,
    object tag_line,
):
    """(top, blocks) of a header in the ``KEY: value`` style; ``blocks`` are :class:`Block` objects, not
    yet built. ``keys``/``header_key``: the remembered normal forms of keys and the function that adds
    one; ``tag_line(line, top)`` reads a line that starts with ``<``. Raises ValueError for a header
    with characters beyond Latin-1 (the caller then reads it in Python)."""
    if PyUnicode_KIND(header) != PyUnicode_1BYTE_KIND:
        raise ValueError("not a Latin-1 header")
    cdef const unsigned char* s = <const unsigned char*>PyUnicode_DATA(header)
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(header)
    cdef Py_ssize_t i = 0, j, a, c, b, e, p, q
    cdef bint empty
    cdef Py_ssize_t indent, base = -1
    cdef dict top = {}
    cdef list blocks = []
    cdef Block current = None
    cdef object raw, k, value
    cdef unsigned char ch
    while i < n:
        j = i
        while j < n and not _is_break(s[j]):
            j += 1
        # [i, j) is the line; the next starts after its break (\r\n is one).
        a = i
        if j < n and s[j] == 0x0D and j + 1 < n and s[j + 1] == 0x0A:
            i = j + 2
        else:
            i = j + 1
        b = a
        while b < j and _is_space(s[b]):
            b += 1
        if b < j and s[b] == 0x3C:  # '<'
            tag_line(PyUnicode_Substring(header, b, j), top)
            continue
        c = b
        while c < j and s[c] != 0x3A:  # ':'
            c += 1
        if c == j or c == b:
            continue
        raw = PyUnicode_Substring(header, b, c)
        k = keys.get(raw, keys)  # the dict itself stands for "not seen"
        if k is keys:
            k = header_key(raw)
        if k is None:
            continue
        p = c + 1
        while p < j and _is_space(s[p]):
            p += 1
        e = j
        while e > p and _is_space(s[e - 1]):
            e -= 1
        value = PyUnicode_Substring(header, p, e)
        empty = p == e
        indent = 0
        for q in range(a, b):
            ch = s[q]
            if ch == 0x09:
                indent += 8 - indent % 8
            else:
                indent += 1
        if base < 0:
            base = indent
        if empty and indent <= base and k in blocks_map:
            current = Block(blocks_map[k])
            blocks.append(current)
        elif empty and current is not None and k in sub_blocks:
            current.open_sub(k)
        elif current is not None:
            current.put(k, value, address_keys, filer_keys)
        elif k in top_keys:
            top.setdefault(top_keys[k], value)
    return top, blocks
