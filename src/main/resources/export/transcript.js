(function () {
  'use strict';
  var input = document.getElementById('q');
  var count = document.getElementById('count');
  var steps = Array.prototype.slice.call(document.querySelectorAll('#steps > li.step'));
  var nodes = Array.prototype.slice.call(document.querySelectorAll('svg g.node'));

  function unmark(root) {
    var marks = root.querySelectorAll('mark.hit');
    for (var i = 0; i < marks.length; i++) {
      var m = marks[i];
      var parent = m.parentNode;
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parent.normalize();
    }
  }

  function mark(root, needle) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, null);
    var texts = [];
    var t;
    while ((t = walker.nextNode())) {
      texts.push(t);
    }
    var found = 0;
    texts.forEach(function (node) {
      var text = node.nodeValue;
      var hay = text.toLowerCase();
      if (hay.length !== text.length) {
        hay = text;
      }
      var at = hay.indexOf(needle);
      if (at < 0) {
        return;
      }
      var frag = document.createDocumentFragment();
      var from = 0;
      while (at >= 0) {
        frag.appendChild(document.createTextNode(text.slice(from, at)));
        var m = document.createElement('mark');
        m.className = 'hit';
        m.textContent = text.slice(at, at + needle.length);
        frag.appendChild(m);
        found++;
        from = at + needle.length;
        at = hay.indexOf(needle, from);
      }
      frag.appendChild(document.createTextNode(text.slice(from)));
      node.parentNode.replaceChild(frag, node);
    });
    return found;
  }

  function apply(query) {
    var needle = (query || '').trim().toLowerCase();
    var shown = 0;
    var hitNodes = {};
    steps.forEach(function (li) {
      unmark(li);
      li.classList.remove('match');
      if (!needle) {
        li.hidden = false;
        shown++;
        return;
      }
      var hits = mark(li, needle);
      li.hidden = hits === 0;
      if (hits > 0) {
        shown++;
        li.classList.add('match');
        hitNodes[li.getAttribute('data-node')] = true;
        var details = li.querySelectorAll('details');
        for (var i = 0; i < details.length; i++) {
          if (details[i].querySelector('mark.hit')) {
            details[i].open = true;
          }
        }
      }
    });
    nodes.forEach(function (g) {
      g.classList.toggle('search-hit', !!needle && hitNodes[g.getAttribute('data-node')] === true);
    });
    count.textContent = needle ? shown + ' of ' + steps.length + ' steps match' : steps.length + ' steps';
    document.body.setAttribute('data-query', needle);
  }

  function fromHash() {
    var h = window.location.hash || '';
    if (h.indexOf('#q=') === 0) {
      var raw = h.slice(3).split('+').join(' ');
      try {
        input.value = decodeURIComponent(raw);
      } catch (e) {
        input.value = raw;
      }
    }
    apply(input.value);
  }

  input.addEventListener('input', function () {
    apply(input.value);
    try {
      window.history.replaceState(null, '', '#q=' + encodeURIComponent(input.value));
    } catch (e) {
      // file: pages may refuse; the filter works all the same
    }
  });
  nodes.forEach(function (g) {
    g.addEventListener('click', function () {
      var id = g.getAttribute('data-node');
      var first = steps.filter(function (li) { return li.getAttribute('data-node') === id; })[0];
      if (first) {
        first.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }
    });
  });
  // the tree: scrolled so the route is in view, a node of the route list shown on a click, fit to width on demand
  var graph = document.querySelector('.graph');
  function box(g) {
    var r = g.querySelector('rect');
    return r ? { x: +r.getAttribute('x'), y: +r.getAttribute('y'), w: +r.getAttribute('width'), h: +r.getAttribute('height') } : null;
  }
  function scale() {
    var svg = graph && graph.querySelector('svg');
    return svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
      ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
  }
  function show(g, smooth) {
    var b = box(g);
    if (!graph || !b) {
      return;
    }
    var k = scale();
    graph.scrollTo({ left: Math.max(0, (b.x + b.w / 2) * k - graph.clientWidth / 2),
      top: Math.max(0, (b.y + b.h / 2) * k - graph.clientHeight / 2), behavior: smooth ? 'smooth' : 'auto' });
  }
  function routeIntoView() {
    var visited = nodes.filter(function (g) { return g.classList.contains('visited'); });
    if (!graph || !visited.length) {
      return;
    }
    var xs = visited.map(box).filter(Boolean);
    var left = Math.min.apply(null, xs.map(function (b) { return b.x; }));
    var right = Math.max.apply(null, xs.map(function (b) { return b.x + b.w; }));
    var k = scale();
    var x = right - left <= graph.clientWidth / k ? (left + right) / 2 * k - graph.clientWidth / 2 : left * k - 8;
    graph.scrollLeft = Math.max(0, x);
    graph.scrollTop = 0;
  }
  var links = document.querySelectorAll('ol.path a[data-node]');
  Array.prototype.forEach.call(links, function (a) {
    a.addEventListener('click', function (ev) {
      var g = nodes.filter(function (n) { return n.getAttribute('data-node') === a.getAttribute('data-node'); })[0];
      if (g && graph) {
        ev.preventDefault();
        document.getElementById('tree').scrollIntoView({ behavior: 'smooth', block: 'start' });
        show(g, true);
        g.classList.add('flash');
        setTimeout(function () { g.classList.remove('flash'); }, 1600);
      }
    });
  });
  var fit = document.getElementById('fit');
  if (fit && graph) {
    fit.addEventListener('click', function () {
      var on = graph.classList.toggle('fit');
      fit.setAttribute('aria-pressed', String(on));
      fit.textContent = on ? 'Actual size' : 'Fit to width';
      routeIntoView();
    });
  }
  routeIntoView();
  window.addEventListener('hashchange', fromHash);
  window.addEventListener('load', function () {
    var n = window.performance && window.performance.getEntriesByType
      ? window.performance.getEntriesByType('resource').length : -1;
    document.body.setAttribute('data-resources', String(n));
  });
  fromHash();
}());
