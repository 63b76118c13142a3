/* Mark a statement by selecting its passage on the article's page in the desk.
 *
 * The server counts offsets in Unicode code points of the body as stored;
 * a JavaScript string counts UTF-16 units, and the browser shows each
 * "\r\n" of the body as "\n". Both are undone here, so the offsets sent are
 * the body's; the server checks them against the selected passage anyway.
 * Without this script the bar stays hidden and the offset forms remain.
 */
(function () {
  "use strict";

  var text = document.getElementById("article-text");
  var tools = document.getElementById("selection-tools");
  if (!text || !tools) {
    return;
  }
  var collapsedReturns = (text.dataset.collapsedReturns || "").split(" ").filter(Boolean).map(Number);
  var summary = tools.querySelector(".selection-summary");
  var orphanChoice = document.getElementById("selection-orphan");
  var placeButton = document.getElementById("selection-place");

  // The statement numbers are links the desk puts into the text; they are not the article's words.
  function isArticleText(node) {
    return !(node.parentElement && node.parentElement.closest(".statement-number"));
  }

  function textNodes() {
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      if (isArticleText(walker.currentNode)) {
        nodes.push(walker.currentNode);
      }
    }
    return nodes;
  }

  function codePoints(value) {
    return Array.from(value).length;
  }

  // The position, in code points of the text as shown, of a point of the page.
  function shownOffset(nodes, container, offset) {
    var before = document.createRange();
    before.setStart(text, 0);
    before.setEnd(container, offset);
    var count = 0;
    nodes.forEach(function (node) {
      if (node === container) {
        count += codePoints(node.data.slice(0, offset));
      } else if (before.intersectsNode(node)) {
        count += codePoints(node.data);
      }
    });
    return count;
  }

  // Each "\r" the browser dropped before a position moves the body's position on by one.
  function bodyOffset(shown) {
    var offset = shown;
    collapsedReturns.forEach(function (position, index) {
      if (position - index < shown) {
        offset += 1;
      }
    });
    return offset;
  }

  function selectedRange() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return null;
    }
    var range = selection.getRangeAt(0).cloneRange();
    if (!range.intersectsNode(text)) {
      return null;
    }
    var whole = document.createRange();
    whole.selectNodeContents(text);
    if (range.compareBoundaryPoints(Range.START_TO_START, whole) < 0) {
      range.setStart(whole.startContainer, whole.startOffset);
    }
    if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0) {
      range.setEnd(whole.endContainer, whole.endOffset);
    }
    return range.collapsed ? null : range;
  }

  function shorten(value, limit) {
    var squeezed = value.replace(/\s+/g, " ").trim();
    var points = Array.from(squeezed);
    return points.length <= limit ? squeezed : points.slice(0, limit - 1).join("") + "\u2026";
  }

  function update() {
    var range = selectedRange();
    if (!range) {
      return;
    }
    var nodes = textNodes();
    var shown = Array.from(nodes.map(function (node) { return node.data; }).join(""));
    var start = shownOffset(nodes, range.startContainer, range.startOffset);
    var end = shownOffset(nodes, range.endContainer, range.endOffset);
    // A quote never begins or ends with white space; a double click or a drag often takes some.
    while (start < end && /\s/.test(shown[start])) {
      start += 1;
    }
    while (end > start && /\s/.test(shown[end - 1])) {
      end -= 1;
    }
    if (start >= end) {
      return;
    }
    var passage = shown.slice(start, end).join("");
    var bodyStart = bodyOffset(start);
    var bodyEnd = bodyOffset(end);
    tools.elements.start.value = bodyStart;
    tools.elements.end.value = bodyEnd;
    tools.elements.selected_text.value = passage;
    summary.textContent = "Selected characters " + bodyStart + "\u2013" + bodyEnd + ": \u201c" + shorten(passage, 90) + "\u201d";
    tools.hidden = false;
  }

  var pending = false;
  document.addEventListener("selectionchange", function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        update();
      });
    }
  });

  if (orphanChoice && placeButton) {
    orphanChoice.addEventListener("change", function () {
      placeButton.setAttribute("formaction", orphanChoice.value);
    });
  }

  var cancel = document.createElement("button");
  cancel.type = "button";
  cancel.className = "button";
  cancel.textContent = "Cancel";
  cancel.addEventListener("click", function () {
    tools.hidden = true;
    window.getSelection().removeAllRanges();
  });
  tools.appendChild(cancel);
})();
