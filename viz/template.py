"""The page's own stylesheet and script (vis-network itself is read from the pyvis
package, see :mod:`.page`). Kept as Python strings so they install with the package.

The script reads its data from a ``<script type="application/json">`` block and writes
every text taken from the documents with ``textContent``, never as HTML; vis-network draws
labels on a canvas, and nodes get no ``title`` (which vis-network would show as a tooltip).
"""

from __future__ import annotations

__all__ = ["CSS", "SCRIPT"]

CSS = """
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; font-family: "DejaVu Sans", "Noto Sans", Arial,
  sans-serif; color: #212121; background: #fafafa; }
header { padding: 8px 16px 6px; border-bottom: 1px solid #ddd; background: #fff; }
header h1 { font-size: 19px; margin: 0 0 2px; }
header p { margin: 0; font-size: 13px; color: #555; }
#find { float: right; margin-top: -30px; font-size: 13px; }
#find input { width: 240px; padding: 3px 6px; font: inherit; }
#notes { background: #fff8e1; border-bottom: 1px solid #ffe082; padding: 6px 16px;
  font-size: 13px; }
#notes p { margin: 2px 0; }
#main { flex: 1; min-height: 0; display: flex; }
#graph { position: relative; flex: 1; min-width: 200px; background: #fff; }
#details { flex: none; width: 330px; overflow: auto; padding: 10px 14px;
  border-left: 1px solid #ddd; background: #fcfcfc; font-size: 13px; }
#details h2, #legend summary { font-size: 14px; margin: 0 0 6px; font-weight: bold; }
#details dl { margin: 0; }
#details dt { font-weight: bold; color: #455a64; margin-top: 7px; font-size: 12px; }
#details dd { margin: 1px 0 0 0; white-space: pre-wrap; overflow-wrap: anywhere; }
#details .hint { color: #777; }
#legend { flex: none; width: 300px; overflow: auto; border-right: 1px solid #ddd;
  background: #fcfcfc; padding: 8px 10px; font-size: 12px; }
#legend:has(details:not([open])) { width: auto; }
#legend h3 { font-size: 12px; margin: 8px 0 3px; color: #37474f; }
#legend ul { list-style: none; margin: 0; padding: 0; }
#legend li { margin: 2px 0; display: flex; align-items: center; gap: 6px; }
#legend .sw { display: inline-block; width: 22px; height: 13px; border: 1.5px solid #37474f;
  border-radius: 2px; flex: none; }
#legend .dot { width: 12px; height: 12px; border-radius: 50%; }
#legend .ell { border-radius: 50%; }
#legend .dash { border-style: dashed; }
#legend .focus { border: 3px solid #ffb300; }
#legend svg { flex: none; }
#legend label { display: flex; gap: 6px; align-items: center; margin-top: 6px; }
"""

SCRIPT = r"""
var VIZ = JSON.parse(document.getElementById('viz-data').textContent);
var nodes = new vis.DataSet(VIZ.nodes);
var edges = new vis.DataSet(VIZ.edges);
var container = document.getElementById('graph');
var network = new vis.Network(container, {nodes: nodes, edges: edges}, VIZ.options);
window.__viz = {ready: false};
network.once('afterDrawing', function () {
  window.__viz = {ready: true, ms: performance.now(), nodes: nodes.length, edges: edges.length};
  document.body.setAttribute('data-ready', '1');
});
if (VIZ.axis) {
  network.on('beforeDrawing', function (ctx) {
    ctx.save();
    ctx.strokeStyle = '#e0e0e0';
    ctx.fillStyle = '#546e7a';
    ctx.font = '15px DejaVu Sans, sans-serif';
    ctx.textAlign = 'center';
    VIZ.axis.ticks.forEach(function (t) {
      ctx.beginPath(); ctx.moveTo(t[0], VIZ.axis.top); ctx.lineTo(t[0], VIZ.axis.bottom);
      ctx.stroke(); ctx.fillText(t[1], t[0], VIZ.axis.top - 10);
    });
    ctx.restore();
  });
}

var detailsBody = document.getElementById('details-body');
function showDetails(pairs) {
  detailsBody.textContent = '';
  if (!pairs || !pairs.length) {
    var p = document.createElement('p');
    p.className = 'hint';
    p.textContent = VIZ.hint;
    detailsBody.appendChild(p);
    return;
  }
  var dl = document.createElement('dl');
  pairs.forEach(function (pair) {
    var dt = document.createElement('dt');
    dt.textContent = pair[0];
    var dd = document.createElement('dd');
    dd.textContent = pair[1];
    dl.appendChild(dt);
    dl.appendChild(dd);
  });
  detailsBody.appendChild(dl);
}

// lines shown only around the selected node (issuer, lead, cooperating), or all on request
var around = {};
VIZ.edges.forEach(function (e) {
  if (!e.hideable) return;
  (around[e.from] = around[e.from] || []).push(e.id);
  (around[e.to] = around[e.to] || []).push(e.id);
});
var revealed = [];
var showAll = false;
function reveal(nodeId) {
  if (showAll) return;
  if (revealed.length) {
    edges.update(revealed.map(function (id) { return {id: id, hidden: true}; }));
  }
  revealed = nodeId !== null && around[nodeId] ? around[nodeId].slice() : [];
  if (revealed.length) {
    edges.update(revealed.map(function (id) { return {id: id, hidden: false}; }));
  }
}
var toggle = document.getElementById('show-links');
if (toggle) {
  toggle.addEventListener('change', function () {
    showAll = toggle.checked;
    var ids = VIZ.edges.filter(function (e) { return e.hideable; });
    edges.update(ids.map(function (e) { return {id: e.id, hidden: !showAll}; }));
    revealed = [];
  });
}

var pinned = null;  // {node: id} or {edge: id}
function showPinned() {
  if (pinned && pinned.node !== undefined) showDetails(VIZ.details[pinned.node]);
  else if (pinned && pinned.edge !== undefined) showDetails(VIZ.edgeDetails[pinned.edge]);
  else showDetails(null);
}
function pinNode(id) {
  pinned = {node: id};
  reveal(id);
  showPinned();
}
network.on('hoverNode', function (p) { showDetails(VIZ.details[p.node]); });
network.on('blurNode', function () { showPinned(); });
network.on('click', function (p) {
  if (p.nodes.length) { pinNode(p.nodes[0]); return; }
  reveal(null);
  pinned = p.edges.length ? {edge: p.edges[0]} : null;
  showPinned();
});

function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
var findBox = document.getElementById('find-input');
if (findBox) {
  findBox.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter') return;
    var q = fold(findBox.value.trim());
    if (!q) return;
    var hit = VIZ.nodes.find(function (n) { return fold(n.label || '').indexOf(q) >= 0; }) ||
      VIZ.nodes.find(function (n) {
        return (VIZ.details[n.id] || []).some(function (d) { return fold(d[1]).indexOf(q) >= 0; });
      });
    if (!hit) return;
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.1, animation: false});
    pinNode(hit.id);
  });
}

network.fit({animation: false});
if (VIZ.focus !== null) {
  network.selectNodes([VIZ.focus]);
  pinNode(VIZ.focus);
} else {
  showDetails(null);
}
"""
