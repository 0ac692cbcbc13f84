/* section16 charts: a few hundred lines of plain SVG, no library, no network.
 *
 * A chart is a <div class="chart" data-chart="KIND" data-source="ID">, where ID names a
 * <script type="application/json"> element holding the data (the server writes it with Jinja's
 * tojson, which escapes <, > and &). Kinds:
 *   activity  {labels: [...], buys: [...], sells: [...], net: [...]}  bars up for shares bought, down
 *             for shares sold, per period; a line for the running net shares (right-hand axis).
 *   holdings  {points: [["2020-01-31", 1200], ...]}  shares owned after each reported row, as steps.
 * When drawn, the div gets data-drawn="1" (the browser tests wait for it).
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var W = 860, H = 300, M = { top: 16, right: 64, bottom: 44, left: 64 };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, s, anchor) {
    var t = el("text", { x: x, y: y, "text-anchor": anchor || "middle" }, parent);
    t.textContent = s;
    return t;
  }

  /* 1234567 -> "1.23M"; keeps small numbers exact enough to read. */
  function compact(v) {
    var a = Math.abs(v), sign = v < 0 ? "-" : "";
    if (a >= 1e9) return sign + trim(a / 1e9) + "B";
    if (a >= 1e6) return sign + trim(a / 1e6) + "M";
    if (a >= 1e3) return sign + trim(a / 1e3) + "k";
    return sign + trim(a);
  }
  function trim(x) { return (Math.round(x * 100) / 100).toString(); }

  function full(v) { return Number(v).toLocaleString("en-US", { maximumFractionDigits: 4 }); }

  /* Round tick steps (1, 2, 5 x 10^n) covering [lo, hi]. */
  function ticks(lo, hi, count) {
    if (lo === hi) { hi = lo + 1; }
    var span = hi - lo, raw = span / Math.max(1, count);
    var mag = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
    var norm = raw / mag, step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    var out = [], start = Math.floor(lo / step) * step;
    for (var v = start; v <= hi + step * 0.5; v += step) { out.push(Math.round(v / step) * step); }
    return out;
  }

  function linear(d0, d1, r0, r1) {
    var k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
    return function (v) { return r0 + (v - d0) * k; };
  }

  function frame(div) {
    while (div.firstChild) div.removeChild(div.firstChild);
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img" }, div);
    var readout = document.createElement("div");
    readout.className = "readout";
    div.appendChild(readout);
    return { svg: svg, readout: readout };
  }

  function yAxis(svg, scale, values, x, anchor, gridFrom, gridTo) {
    var g = el("g", { "class": "axis" }, svg);
    var grid = el("g", { "class": "grid" }, svg);
    values.forEach(function (v) {
      var y = scale(v);
      if (gridFrom !== undefined) el("line", { x1: gridFrom, x2: gridTo, y1: y, y2: y }, grid);
      text(g, x, y + 4, compact(v), anchor);
    });
    svg.insertBefore(grid, svg.firstChild);
  }

  function xLabels(svg, labels, xOf) {
    var g = el("g", { "class": "axis" }, svg);
    var every = Math.max(1, Math.ceil(labels.length / 12));
    labels.forEach(function (label, i) {
      if (i % every !== 0 && i !== labels.length - 1) return;
      text(g, xOf(i), H - M.bottom + 16, label);
    });
    el("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }, g);
  }

  function legend(svg, items) {
    var g = el("g", { "class": "legend" }, svg), x = M.left;
    items.forEach(function (it) {
      el("rect", { x: x, y: H - 14, width: 10, height: 10, "class": it.cls }, g);
      text(g, x + 14, H - 5, it.label, "start");
      x += 14 + it.label.length * 6.5 + 18;
    });
  }

  function activity(div, data) {
    var f = frame(div), svg = f.svg;
    var n = data.labels.length;
    if (!n) { text(svg, W / 2, H / 2, "No transactions to chart"); return; }
    var maxUp = Math.max.apply(null, data.buys.concat([0]));
    var maxDown = Math.max.apply(null, data.sells.concat([0]));
    var yTicks = ticks(-maxDown, maxUp, 6);
    var y = linear(yTicks[0], yTicks[yTicks.length - 1], H - M.bottom, M.top);
    var netLo = Math.min.apply(null, data.net.concat([0])), netHi = Math.max.apply(null, data.net.concat([0]));
    var nTicks = ticks(netLo, netHi, 6);
    var yNet = linear(nTicks[0], nTicks[nTicks.length - 1], H - M.bottom, M.top);
    var band = (W - M.left - M.right) / n;
    var xOf = function (i) { return M.left + band * (i + 0.5); };
    var barW = Math.max(1, Math.min(28, band * 0.7));
    yAxis(svg, y, yTicks, M.left - 6, "end", M.left, W - M.right);
    yAxis(svg, yNet, nTicks, W - M.right + 6, "start");
    var bars = el("g", { "class": "bars" }, svg);
    var zero = y(0);
    for (var i = 0; i < n; i++) {
      var b = data.buys[i] || 0, s = data.sells[i] || 0;
      if (b > 0) addBar(bars, xOf(i) - barW / 2, y(b), barW, zero - y(b), "buy", data.labels[i] + ": bought " + full(b) + " shares", f.readout);
      if (s > 0) addBar(bars, xOf(i) - barW / 2, zero, barW, y(-s) - zero, "sell", data.labels[i] + ": sold " + full(s) + " shares", f.readout);
    }
    el("line", { x1: M.left, x2: W - M.right, y1: zero, y2: zero, stroke: "#7b8494" }, svg);
    var d = "";
    for (var j = 0; j < n; j++) { d += (j ? "L" : "M") + xOf(j).toFixed(1) + "," + yNet(data.net[j]).toFixed(1); }
    el("path", { d: d, "class": "net" }, svg);
    for (var k = 0; k < n; k++) {
      var c = el("circle", { cx: xOf(k), cy: yNet(data.net[k]), r: 2.5, "class": "net" }, svg);
      hover(c, data.labels[k] + ": net " + full(data.net[k]) + " shares since the first period", f.readout);
    }
    xLabels(svg, data.labels, xOf);
    legend(svg, [{ cls: "buy", label: "shares bought" }, { cls: "sell", label: "shares sold" },
                 { cls: "net-key", label: "running net shares (right axis)" }]);
  }

  function addBar(parent, x, y, w, h, cls, label, readout) {
    var r = el("rect", { x: x.toFixed(1), y: y.toFixed(1), width: w.toFixed(1), height: Math.max(0.5, h).toFixed(1), "class": cls }, parent);
    hover(r, label, readout);
  }

  function hover(node, label, readout) {
    el("title", {}, node).textContent = label;
    node.addEventListener("mouseenter", function () { readout.textContent = label; });
  }

  function holdings(div, data) {
    var f = frame(div), svg = f.svg, pts = data.points || [];
    if (!pts.length) { text(svg, W / 2, H / 2, "No holdings reported"); return; }
    var times = pts.map(function (p) { return Date.parse(p[0]); });
    var vals = pts.map(function (p) { return Number(p[1]); });
    var t0 = times[0], t1 = times[times.length - 1];
    if (t0 === t1) { t0 -= 15 * 864e5; t1 += 15 * 864e5; }
    var x = linear(t0, t1, M.left, W - M.right);
    var yTicks = ticks(0, Math.max.apply(null, vals.concat([1])), 6);
    var y = linear(0, yTicks[yTicks.length - 1], H - M.bottom, M.top);
    yAxis(svg, y, yTicks, M.left - 6, "end", M.left, W - M.right);
    var d = "";
    for (var i = 0; i < pts.length; i++) {
      var px = x(times[i]).toFixed(1), py = y(vals[i]).toFixed(1);
      if (i === 0) d += "M" + px + "," + py; else d += "H" + px + "V" + py;
    }
    el("path", { d: d, "class": "net" }, svg);
    pts.forEach(function (p, i) {
      var c = el("circle", { cx: x(times[i]), cy: y(vals[i]), r: 3, "class": "net" }, svg);
      hover(c, p[0] + ": " + full(vals[i]) + " shares owned", f.readout);
    });
    var g = el("g", { "class": "axis" }, svg);
    ticks(t0, t1, 6).forEach(function (t) {
      if (t < t0 || t > t1) return;
      text(g, x(t), H - M.bottom + 16, new Date(t).toISOString().slice(0, 7));
    });
    el("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom }, g);
    legend(svg, [{ cls: "net-key", label: "shares owned after each reported row" }]);
  }

  var KINDS = { activity: activity, holdings: holdings };

  function drawAll() {
    var divs = document.querySelectorAll("div.chart[data-chart]");
    Array.prototype.forEach.call(divs, function (div) {
      var kind = KINDS[div.getAttribute("data-chart")];
      var src = document.getElementById(div.getAttribute("data-source"));
      if (!kind || !src) return;
      kind(div, JSON.parse(src.textContent));
      div.setAttribute("data-drawn", "1");
    });
  }

  window.section16Chart = { draw: drawAll, ticks: ticks, compact: compact };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
