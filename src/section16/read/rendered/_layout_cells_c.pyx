# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""The row search of :func:`section16.read.rendered.layout_cells._assign` (a row's words cut into
cells by position), compiled.

Each row of a laid-out table is cut by a small dynamic programme over (column, first word); in Python
its bookkeeping (each word's distance from each near column, the table of best cuts) cost a third of
a text page's reading. Here that arithmetic runs in C, in the same order of the same double
operations as the Python loop, so the sums, and so the cut, are identical; what a cell's words must
read as (a date, a number, marks where a cell's may stand) is still asked of the Python rules,
through ``check``, only where the search would take the cell. A test holds both paths to the same
cuts on real pages.
"""

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdlib cimport free, labs, malloc

cdef extern from *:
    """
    /* tuple.__new__(cls, items) for a tuple subclass (a named tuple) as CPython's tuple_subtype_new
       makes it: allocated by the class, the items copied in. */
    static PyObject* s16_named(PyObject* cls, PyObject* items) {
        PyTypeObject* t = (PyTypeObject*)cls;
        Py_ssize_t i, n = PyTuple_GET_SIZE(items);
        PyObject* o = t->tp_alloc(t, n);
        if (o == NULL)
            return NULL;
        for (i = 0; i < n; i++) {
            PyObject* item = PyTuple_GET_ITEM(items, i);
            Py_INCREF(item);
            PyTuple_SET_ITEM(o, i, item);
        }
        return o;
    }
    """
    object s16_named(object cls, tuple items)


cdef double INF = float("inf")


cdef Py_ssize_t _bisect_left(double* a, Py_ssize_t n, double x) noexcept:
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


cdef Py_ssize_t _bisect_right(double* a, Py_ssize_t n, double x) noexcept:
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def search(
    list mids,
    list starts,
    list kinds,
    Py_ssize_t di,
    list di_words,
    list lone,
    list banned,
    object dup,
    double far_off,
    double di_far,
    double lone_cost,
    Py_ssize_t max_typed,
    object check,
    object chars=None,
    object banned_chars=None,
):
    """The cut of the row's units (``mids``: each unit's words' middles) into the columns: each
    column's (first unit, end unit), or None when no cut fits.

    ``kinds[c]``: 0 a typed column, 3 a typed column no row leaves empty (D or I); 1 a free-text
    column, 2 one no row leaves empty (the title), 4 the nature of ownership. ``di``: the D or I
    column's index (-1: none), ``di_words[k]``: unit k is a lone D or I (anchored from ``di_far``).
    ``lone[k]``: unit k is a value standing alone (``lone_cost`` farther from free text);
    ``banned[k]``: 1 unit k stands in no free-text column, 2 in none but the nature's. ``dup``: None
    (no run holds a footnote mark twice), or ``dup[j][i]``: units j..i do. ``check(c, j, i)``: may
    units j..i-1 be column c's cell (asked only where the search would take it).

    ``chars[k]``: the ASCII characters unit k's words hold, one bit each (an int of 128 bits), and
    ``banned_chars[c]``: those no cell of typed column c can hold (0: any); a run holding one is not
    column c's cell, nor is any longer run from the same unit, without asking ``check`` (None: no
    such test, as for a row holding a character past ASCII)."""
    cdef Py_ssize_t n = len(mids), c_n = len(kinds)
    cdef Py_ssize_t k, c, j, i, first, last, top, w, nw
    cdef double m, lo, hi, a, b, e, total, acc, base
    cdef bint off
    cdef double* st = <double*>malloc(c_n * sizeof(double))
    cdef double* dist = <double*>malloc(c_n * n * sizeof(double) + 1)
    cdef char* far = <char*>malloc(c_n * n + 1)
    cdef double* best = <double*>malloc((c_n + 1) * (n + 1) * sizeof(double))
    cdef Py_ssize_t* back = <Py_ssize_t*>malloc((c_n + 1) * (n + 1) * sizeof(Py_ssize_t))
    cdef char* dp = <char*>malloc(n * n + 1)
    cdef int* kind = <int*>malloc(c_n * sizeof(int) + 1)
    cdef unsigned long long* ch_lo = <unsigned long long*>malloc((n + 1) * sizeof(unsigned long long))
    cdef unsigned long long* ch_hi = <unsigned long long*>malloc((n + 1) * sizeof(unsigned long long))
    cdef unsigned long long* ban_lo = <unsigned long long*>malloc((c_n + 1) * sizeof(unsigned long long))
    cdef unsigned long long* ban_hi = <unsigned long long*>malloc((c_n + 1) * sizeof(unsigned long long))
    cdef unsigned long long seen_lo, seen_hi
    cdef bint by_chars = chars is not None and banned_chars is not None
    cdef list ms, row
    if not st or not dist or not far or not best or not back or not dp or not kind or not ch_lo or not ch_hi or not ban_lo or not ban_hi:
        free(st); free(dist); free(far); free(best); free(back); free(dp); free(kind)
        free(ch_lo); free(ch_hi); free(ban_lo); free(ban_hi)
        raise MemoryError()
    try:
        if by_chars:
            for k in range(n):
                ch_lo[k] = chars[k] & 0xFFFFFFFFFFFFFFFF
                ch_hi[k] = chars[k] >> 64
            for c in range(c_n):
                ban_lo[c] = banned_chars[c] & 0xFFFFFFFFFFFFFFFF
                ban_hi[c] = banned_chars[c] >> 64
        for c in range(c_n):
            st[c] = starts[c]
            kind[c] = kinds[c]
        for k in range(c_n * n):
            dist[k] = 0.0
            far[k] = 1
        # Each unit's distance from each near column's range (the sum over its words), and whether
        # a word of it stands too far off (the rest stay far: their distance is never read).
        for k in range(n):
            ms = mids[k]
            nw = len(ms)
            hi = ms[0]
            lo = ms[0]
            for w in range(1, nw):
                m = ms[w]
                if m > hi:
                    hi = m
                if m < lo:
                    lo = m
            first = _bisect_left(st, c_n, hi - far_off - 2) - 2
            if first < 0:
                first = 0
            last = _bisect_right(st, c_n, lo + far_off + 2) + 1
            if last > c_n:
                last = c_n
            for c in range(first, last):
                lo = st[c]
                hi = st[c + 1] if c + 1 < c_n else 1e9
                a = lo - 1
                b = hi + 1
                total = 0.0
                off = False
                for w in range(nw):
                    m = ms[w]
                    if m < a:
                        e = a - m
                    elif m >= b:
                        e = m - hi - 1
                    else:
                        e = 0.0
                    total += e
                    off = off or e > far_off
                dist[c * n + k] = total
                far[c * n + k] = off
        if di >= 0:
            # The row's D or I anchors it from farther off its column.
            lo = st[di]
            hi = st[di + 1] if di + 1 < c_n else 1e9
            for k in range(n):
                if far[di * n + k] and di_words[k]:
                    m = (<list>mids[k])[0]
                    if lo - 1 <= m < hi + 1:
                        e = 0.0
                    elif m < lo - 1:
                        e = lo - 1 - m
                    else:
                        e = m - hi - 1
                    if e <= di_far:
                        dist[di * n + k] = e
                        far[di * n + k] = 0
        for c in range(c_n):
            if kind[c] == 0 or kind[c] == 3:
                continue
            for k in range(n):
                if lone[k]:
                    dist[c * n + k] += lone_cost
                if banned[k] == 1 or (banned[k] == 2 and kind[c] != 4):
                    far[c * n + k] = 1
        for j in range(n):
            for i in range(n):
                dp[j * n + i] = 0
        if dup is not None:
            for j in range(n):
                row = dup[j]
                for i in range(n):
                    dp[j * n + i] = 1 if row[i] else 0
        for k in range((c_n + 1) * (n + 1)):
            best[k] = INF
            back[k] = 0
        best[0] = 0.0
        for c in range(c_n):
            top = n if (kind[c] != 0 and kind[c] != 3) else max_typed
            for j in range(n + 1):
                base = best[c * (n + 1) + j]
                if base == INF:
                    continue
                if kind[c] < 2 or kind[c] == 4:
                    if base < best[(c + 1) * (n + 1) + j]:
                        best[(c + 1) * (n + 1) + j] = base
                        back[(c + 1) * (n + 1) + j] = j
                acc = base
                last = j + top
                if last > n:
                    last = n
                seen_lo = 0
                seen_hi = 0
                for i in range(j + 1, last + 1):
                    if far[c * n + i - 1]:
                        break
                    acc += dist[c * n + i - 1]
                    if by_chars:
                        # A character no cell of the column holds: check() would refuse this run and
                        # every longer one (their texts hold it too), so none is asked.
                        seen_lo |= ch_lo[i - 1]
                        seen_hi |= ch_hi[i - 1]
                        if (seen_lo & ban_lo[c]) or (seen_hi & ban_hi[c]):
                            break
                    if acc >= best[(c + 1) * (n + 1) + i] or dp[j * n + i - 1]:
                        continue
                    if not check(c, j, i):
                        continue
                    best[(c + 1) * (n + 1) + i] = acc
                    back[(c + 1) * (n + 1) + i] = j
        if best[c_n * (n + 1) + n] == INF:
            return None
        out = [None] * c_n
        i = n
        for c in range(c_n, 0, -1):
            j = back[c * (n + 1) + i]
            out[c - 1] = (j, i)
            i = j
        return out
    finally:
        free(st); free(dist); free(far); free(best); free(back); free(dp); free(kind)
        free(ch_lo); free(ch_hi); free(ban_lo); free(ban_hi)


# A laid-out line taken apart (layout_words._line_tokens, text_lines._line_chunks): the same words and
# runs as their patterns ([^ \n]+ and [^ \n]+(?: [^ \n]+)*), found by one scan of the line's
# characters instead of a match object a word; rules of dashes are still told by the caller's pattern.


def line_tokens(str line not None, object number, type tok not None, object dashes):
    """``layout_words._line_tokens``: each word (a run of characters but space and line break) as
    ``tok(number, x0, x1, word)``, leaving out words of white space alone and those ``dashes`` (a
    rule's pattern's ``match``) matches (only asked of a word opening with "-", "=" or "_")."""
    cdef Py_ssize_t n = len(line), k = 0, s
    cdef int kd = PyUnicode_KIND(line)
    cdef void* data = PyUnicode_DATA(line)
    cdef Py_UCS4 ch
    cdef list out = []
    cdef str w
    if not issubclass(tok, tuple):
        raise TypeError("tok must be a tuple class")
    while k < n:
        ch = PyUnicode_READ(kd, data, k)
        if ch == 32 or ch == 10:
            k += 1
            continue
        s = k
        k += 1
        while k < n:
            ch = PyUnicode_READ(kd, data, k)
            if ch == 32 or ch == 10:
                break
            k += 1
        ch = PyUnicode_READ(kd, data, s)
        w = line[s:k]
        if ch.isspace() and w.isspace():
            continue
        if (ch == 45 or ch == 61 or ch == 95) and dashes(w) is not None:
            continue
        out.append(s16_named(tok, (number, s, k, w)))
    return tuple(out)


cdef inline Py_ssize_t _run_end(int kd, void* data, Py_ssize_t k, Py_ssize_t n) noexcept:
    """Where a run of text that goes on at ``k`` ends: at a line break, or at a space not followed by
    a word (one space and a word after it: the run goes on)."""
    cdef Py_UCS4 ch
    while k < n:
        ch = PyUnicode_READ(kd, data, k)
        if ch == 10:
            break
        if ch == 32:
            if k + 1 < n:
                ch = PyUnicode_READ(kd, data, k + 1)
                if ch != 32 and ch != 10:
                    k += 2
                    continue
            break
        k += 1
    return k


def line_chunks(str line not None, object number, type chunk not None, object dashes):
    """``text_lines._line_chunks``: each run of words parted by one space, as ``chunk(number, x,
    text)``, leaving out those ``dashes`` matches (only asked of a run opening with "-", "=" or "_")."""
    cdef Py_ssize_t n = len(line), k = 0, s
    cdef int kd = PyUnicode_KIND(line)
    cdef void* data = PyUnicode_DATA(line)
    cdef Py_UCS4 ch
    cdef list out = []
    cdef str text
    if not issubclass(chunk, tuple):
        raise TypeError("chunk must be a tuple class")
    while k < n:
        ch = PyUnicode_READ(kd, data, k)
        if ch == 32 or ch == 10:
            k += 1
            continue
        s = k
        k = _run_end(kd, data, k + 1, n)
        ch = PyUnicode_READ(kd, data, s)
        text = line[s:k]
        if (ch == 45 or ch == 61 or ch == 95) and dashes(text) is not None:
            continue
        out.append(s16_named(chunk, (number, s, text)))
    return tuple(out)


def band_cost(
    object band,
    double middle,
    object runs,
    object kind,
    object x0,
    double stacked,
    double after_mark,
    double by_start,
    double unbalanced,
    double lone_mark,
    double mark_weight,
    double gapped,
    long wrapped_marks,
):
    """``layout_rows.band_cost`` of a band standing on one page (not empty), compiled: the same runs
    in the same order (sorted by ``x0``), the same ``kind`` of each, the same double operations in
    the same order, so the same cost. (No negative index here: the module is compiled without
    wraparound.)"""
    cdef list items = sorted([t for i in band for t in runs[i]], key=x0)
    cdef Py_ssize_t m = len(items), a, b, k, r, ra, rb
    cdef Py_ssize_t nb = len(band), lo_at, hi_at
    cdef long* bl = <long*>malloc((nb + 1) * sizeof(long))
    cdef long* xa = <long*>malloc((m + 1) * sizeof(long))
    cdef long* xb = <long*>malloc((m + 1) * sizeof(long))
    cdef long* ln = <long*>malloc((m + 1) * sizeof(long))
    cdef long* bal = <long*>malloc((m + 1) * sizeof(long))
    cdef char* kv = <char*>malloc(m + 1)
    cdef char* km = <char*>malloc(m + 1)
    cdef char* ke = <char*>malloc(m + 1)
    cdef char* kb = <char*>malloc(m + 1)
    cdef char* kw = <char*>malloc(m + 1)
    cdef Py_ssize_t* parent = <Py_ssize_t*>malloc((m + 1) * sizeof(Py_ssize_t))
    # Each cell's (by its root) sum of parentheses, lines' range, all marks; and whether it is seen.
    cdef long* c_bal = <long*>malloc((m + 1) * sizeof(long))
    cdef long* c_by = <long*>malloc((m + 1) * sizeof(long))
    cdef long* c_lo = <long*>malloc((m + 1) * sizeof(long))
    cdef long* c_hi = <long*>malloc((m + 1) * sizeof(long))
    cdef char* c_marks = <char*>malloc(m + 1)
    cdef char* c_done = <char*>malloc(m + 1)
    cdef double cost = 0.0
    cdef bint joined = False
    cdef long right, line, gap
    cdef char u0, u2, l0, l1, l3, uh, uw
    if (not bl or not xa or not xb or not ln or not bal or not kv or not km or not ke or not kb or not kw
            or not parent or not c_bal or not c_by or not c_lo or not c_hi or not c_marks or not c_done):
        free(bl); free(xa); free(xb); free(ln); free(bal); free(kv); free(km); free(ke); free(kb); free(kw); free(parent)
        free(c_bal); free(c_by); free(c_lo); free(c_hi); free(c_marks); free(c_done)
        raise MemoryError()
    try:
        for k in range(nb):
            bl[k] = <long>band[k]
        for k in range(m):
            t = items[k]
            xa[k] = t.x0
            xb[k] = t.x1
            ln[k] = t.line
            got = kind(t.text)
            if not isinstance(got, tuple) or len(<tuple>got) < 9:
                # (read by index without bounds checks below: a shorter kind would read past it)
                raise TypeError(f"band_cost: kind({t.text!r}) is not a tuple of 9")
            # (bit 1: a value; bit 2: an amount with its (A) or (D), stacked as a value is; bit 3:
            # starts with "$", a price: two stacked are two rows' prices)
            kv[k] = (1 if got[0] else 0) | (2 if got[7] else 0) | (4 if got[8] else 0)
            km[k] = 1 if got[1] else 0
            ke[k] = 1 if got[2] else 0
            # (bit 1: starts "By"; bit 2: ends "held" or "owned", whose phrase a "by" under it goes on)
            kb[k] = (1 if got[3] else 0) | (2 if got[5] else 0)
            bal[k] = got[4]
            kw[k] = 1 if got[6] else 0
            parent[k] = k
        for a in range(m):
            # Sorted by their left ends, the runs over or under this one follow it until one
            # starts past its right end.
            right = xb[a]
            line = ln[a]
            for b in range(a + 1, m):
                if xa[b] > right:
                    break
                if line == ln[b]:
                    continue
                ra = _root(parent, a)
                rb = _root(parent, b)
                if ra != rb:
                    parent[rb] = ra
                joined = True
                if line < ln[b]:
                    u2, l0, l1, l3, gap = ke[a], kv[b] & 1, km[b], kb[b] & 1, ln[b] - line
                    u0, uh, uw = kv[a] & 1, kb[a] >> 1, kw[a]
                else:
                    u2, l0, l1, l3, gap = ke[b], kv[a] & 1, km[a], kb[a] & 1, line - ln[b]
                    u0, uh, uw = kv[b] & 1, kb[b] >> 1, kw[b]
                # (two marks stacked are two cells' but where the upper line lists two or more and
                # the lower starts where it starts: one cell's list of marks wrapped)
                if ((kv[a] & 3 and kv[b] & 3) or (kv[a] & 4 and kv[b] & 4)
                        or (km[a] and km[b] and not (uw and labs(xa[a] - xa[b]) <= wrapped_marks))):
                    cost += stacked
                if u2 and not l0 and not l1:
                    cost += after_mark
                if l3 and not u0 and not uh and gap == 1:
                    cost += by_start
        if not joined:
            for k in range(m):
                if bal[k]:
                    cost += unbalanced
                if km[k]:
                    cost += lone_mark + mark_weight * abs(<double>(ln[k] + ln[k]) / 2 - middle)
                else:
                    cost += abs(<double>(ln[k] + ln[k]) / 2 - middle)
            return cost + abs(<double>(<long>band[0] + <long>band[len(band) - 1]) / 2 - middle)
        for k in range(m):
            c_done[k] = 0
            c_bal[k] = 0
            c_by[k] = 0
            c_marks[k] = 1
        for k in range(m):
            r = _root(parent, k)
            if c_done[r] == 0:
                c_done[r] = 1
                c_lo[r] = ln[k]
                c_hi[r] = ln[k]
            c_bal[r] += bal[k]
            c_by[r] += kb[k] & 1
            if ln[k] < c_lo[r]:
                c_lo[r] = ln[k]
            if ln[k] > c_hi[r]:
                c_hi[r] = ln[k]
            if not km[k]:
                c_marks[r] = 0
        # The cells in the order their first runs come (as a dict of roots fills).
        for k in range(m):
            r = _root(parent, k)
            if c_done[r] != 1:
                continue
            c_done[r] = 2
            if c_bal[r]:
                cost += unbalanced
            if c_by[r] > 1:
                cost += stacked  # (two natures' "By" in one cell)
            # (the band's lines are sorted: fewer of them from the cell's first line to its last
            # than lines there means a blank line between them)
            lo_at = _first_at_least(bl, nb, c_lo[r])
            hi_at = _first_at_least(bl, nb, c_hi[r] + 1)
            if hi_at - lo_at < c_hi[r] - c_lo[r] + 1:
                cost += gapped
            if c_marks[r]:
                cost += lone_mark + mark_weight * abs(<double>(c_lo[r] + c_hi[r]) / 2 - middle)
            else:
                cost += abs(<double>(c_lo[r] + c_hi[r]) / 2 - middle)
        cost += abs(<double>(<long>band[0] + <long>band[len(band) - 1]) / 2 - middle)
        return cost
    finally:
        free(bl); free(xa); free(xb); free(ln); free(bal); free(kv); free(km); free(ke); free(kb); free(kw); free(parent)
        free(c_bal); free(c_by); free(c_lo); free(c_hi); free(c_marks); free(c_done)


cdef inline Py_ssize_t _first_at_least(long* a, Py_ssize_t n, long x) noexcept:
    """The index of the first of the sorted ``a[:n]`` not less than ``x`` (``n`` where none is)."""
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


cdef inline Py_ssize_t _root(Py_ssize_t* parent, Py_ssize_t k) noexcept:
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def heading_line(str line not None, frozenset words_ok not None, object is_heading):
    """``layout_words._heading_line`` of an ASCII line (None for any other: the caller reads it by
    its patterns): False without a run of text; True when a run opens with a numbered label
    (``^\\d{1,2}[A-Z]?\\.\\s*\\D``); else whether the line's words, lower-cased and stripped of
    what is not a letter or a digit, are all heading words (``words_ok``), one of them a real word;
    else whether ``is_heading`` takes every run."""
    if not line.isascii():
        return None
    cdef Py_ssize_t n = len(line), k = 0, s, p
    cdef int kd = PyUnicode_KIND(line)
    cdef void* data = PyUnicode_DATA(line)
    cdef Py_UCS4 ch
    cdef list runs = []
    cdef list words = []
    cdef list word = []
    cdef bint real = False
    cdef str run, w
    # The runs of text (as layout_words._CHUNK_RE finds them), each asked for a numbered label.
    while k < n:
        ch = PyUnicode_READ(kd, data, k)
        if ch == 32 or ch == 10:
            k += 1
            continue
        s = k
        k = _run_end(kd, data, k + 1, n)
        runs.append(line[s:k])
        # ^\d{1,2}[A-Z]?\. and then a character that is not a digit (\s*\D: a space is not one).
        p = s
        ch = PyUnicode_READ(kd, data, p)
        if 48 <= ch <= 57:
            p += 1
            if p < k and 48 <= PyUnicode_READ(kd, data, p) <= 57:
                p += 1
            if p < k and 65 <= PyUnicode_READ(kd, data, p) <= 90:
                p += 1
            if p + 1 < k and PyUnicode_READ(kd, data, p) == 46 and not (48 <= PyUnicode_READ(kd, data, p + 1) <= 57):
                return True
    if not runs:
        return False
    # The words: letters lower-cased and digits, parted by white space; any other character left out
    # (it joins what stands either side of it, as the substitution does).
    s = -1
    for k in range(n + 1):
        ch = PyUnicode_READ(kd, data, k) if k < n else 32
        if ch.isspace():
            if word:
                w = "".join(word)
                if w not in words_ok:
                    break
                if len(w) > 1 and not w.isdigit():
                    real = True
                words.append(w)
                word = []
        elif 65 <= ch <= 90:
            word.append(<Py_UCS4>(<int>ch + 32))
        elif 97 <= ch <= 122 or 48 <= ch <= 57:
            word.append(ch)
    else:
        if words and real:
            return True
    for run in runs:
        if not is_heading(run):
            return False
    return True


def units(list toks not None, bint one_value, object word_kind, object mark):
    """``layout_units._units``, compiled: the row's words grouped into units (words that must share
    a cell) by the same rules in the same order, each unit's words in the row's order, the units
    ordered by their leftmost word (ties in the order their first words come). ``word_kind(text)``:
    "v", "m" or "w" (a value, marks or "$", a word); ``mark(text)``: a match where the word is
    footnote marks alone."""
    cdef Py_ssize_t n = len(toks), p, q, a, b, k, j, r, ra, rb
    cdef double* x0 = <double*>malloc((n + 1) * sizeof(double))
    cdef double* x1 = <double*>malloc((n + 1) * sizeof(double))
    cdef long* ln = <long*>malloc((n + 1) * sizeof(long))
    cdef char* kind = <char*>malloc(n + 1)  # 0 a value, 1 marks or "$", 2 a word
    cdef char* is_mark = <char*>malloc(n + 1)
    cdef char* valued = <char*>malloc(n + 1)
    cdef char* worded = <char*>malloc(n + 1)
    cdef Py_ssize_t* parent = <Py_ssize_t*>malloc((n + 1) * sizeof(Py_ssize_t))
    cdef bint joined, over
    cdef list order, out
    cdef dict groups
    if not x0 or not x1 or not ln or not kind or not is_mark or not valued or not worded or not parent:
        free(x0); free(x1); free(ln); free(kind); free(is_mark); free(valued); free(worded); free(parent)
        raise MemoryError()
    try:
        for k in range(n):
            t = toks[k]
            x0[k] = t.x0
            x1[k] = t.x1
            ln[k] = t.line
            text = t.text
            wk = word_kind(text)
            kind[k] = 0 if wk == "v" else (1 if wk == "m" else 2)
            is_mark[k] = mark(text) is not None
            valued[k] = kind[k] == 0
            parent[k] = k
        # Footnote marks printed one space after a word of their line (layout_units._marks_after_words).
        for k in range(n):
            worded[k] = 0
            if kind[k] == 1 and toks[k].text != "$":
                for j in range(n):
                    if kind[j] == 2 and ln[j] == ln[k] and 0 < x0[k] - x1[j] <= 1:
                        worded[k] = 1
                        break
        order = sorted(range(n), key=lambda i: toks[i].x0)
        for p in range(n):
            a = order[p]
            for q in range(p + 1, n):
                b = order[q]
                if x0[b] > x1[a] + 1:
                    break
                if ln[a] != ln[b]:
                    joined = x0[b] <= x1[a]
                    if not joined and (ln[a] - ln[b] == 1 or ln[b] - ln[a] == 1) and kind[a] == 0 and is_mark[b]:
                        # A footnote mark a line off, one space after its value, unless it stands
                        # over or under another word.
                        joined = x0[b] - x1[a] <= 1
                        if joined:
                            over = False
                            for j in range(n):
                                if ln[j] != ln[b] and x0[j] <= x1[b] and x0[b] <= x1[j]:
                                    over = True
                                    break
                            joined = not over
                    if kind[a] != kind[b] and (kind[a] == 2 or kind[b] == 2):
                        joined = False
                    if (worded[a] and kind[b] == 0) or (worded[b] and kind[a] == 0):
                        joined = False
                else:
                    if x0[a] < x0[b]:
                        joined = x0[b] - x1[a] <= 1 and is_mark[b]
                    else:
                        joined = x0[a] - x1[b] <= 1 and is_mark[a]
                ra = _root(parent, a)
                rb = _root(parent, b)
                if (one_value and joined and ra != rb and valued[ra] and valued[rb]
                        and not (kind[a] == 0 and kind[b] == 0) and ln[a] != ln[b]):
                    joined = False
                if joined:
                    parent[rb] = ra
                    valued[ra] = valued[ra] or valued[rb]
        groups = {}
        for k in range(n):
            r = _root(parent, k)
            got = groups.get(r)
            if got is None:
                groups[r] = [toks[k]]
            else:
                (<list>got).append(toks[k])
        out = list(groups.values())
        return sorted(out, key=_leftmost)
    finally:
        free(x0); free(x1); free(ln); free(kind); free(is_mark); free(valued); free(worded); free(parent)


def _leftmost(list u):
    return min([t.x0 for t in u])
