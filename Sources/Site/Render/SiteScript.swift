/// The site's own script: formulas through KaTeX, the phone menu, and full-text search.
///
/// Search loads `search-index.js` (the JSON index wrapped in one assignment, so it loads from
/// `file://` where `fetch` is refused) only when someone searches. `?q=word` on any page runs
/// the search on load, which is also how the browser test checks it.
enum SiteScript {
    static let source = #"""
        (function () {
          "use strict";
          function renderMath() {
            if (typeof window.renderMathInElement !== "function") return;
            var options = {
              delimiters: [{left: "\\[", right: "\\]", display: true}, {left: "\\(", right: "\\)", display: false}],
              throwOnError: false
            };
            document.querySelectorAll(".math").forEach(function (element) { window.renderMathInElement(element, options); });
          }

          function setUpMenu() {
            var button = document.querySelector(".menu-toggle");
            var sidebar = document.getElementById("sidebar");
            if (!button || !sidebar) return;
            button.addEventListener("click", function () {
              var open = sidebar.classList.toggle("open");
              button.setAttribute("aria-expanded", open ? "true" : "false");
            });
          }

          var index = null, waiting = [];
          function withIndex(callback) {
            if (index) { callback(index); return; }
            waiting.push(callback);
            if (waiting.length > 1) return;
            var script = document.createElement("script");
            script.src = "search-index.js";
            script.onload = function () {
              index = window.GRADUS_SEARCH_INDEX || {pages: []};
              waiting.splice(0).forEach(function (f) { f(index); });
            };
            document.head.appendChild(script);
          }

          function escapeHTML(text) {
            return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]; });
          }

          function terms(query) {
            return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
          }

          function count(haystack, needle) {
            var n = 0, at = haystack.indexOf(needle);
            while (at >= 0) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
            return n;
          }

          function snippet(text, words) {
            var lower = text.toLowerCase(), at = -1;
            words.forEach(function (w) { var i = lower.indexOf(w); if (i >= 0 && (at < 0 || i < at)) at = i; });
            var start = Math.max(0, at - 60), end = Math.min(text.length, start + 180);
            var piece = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
            var html = escapeHTML(piece);
            words.forEach(function (w) {
              var pattern = new RegExp(escapeHTML(w).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
              html = html.replace(pattern, function (m) { return "<mark>" + m + "</mark>"; });
            });
            return html;
          }

          function search(data, query) {
            var words = terms(query), hits = [];
            if (words.length === 0) return hits;
            data.pages.forEach(function (page) {
              page.sections.forEach(function (section) {
                var heading = section.heading.toLowerCase(), text = section.text.toLowerCase(), score = 0;
                for (var i = 0; i < words.length; i++) {
                  var inHeading = count(heading, words[i]), inText = count(text, words[i]);
                  if (inHeading + inText === 0) return;
                  score += 5 * inHeading + inText;
                }
                hits.push({page: page, section: section, score: score});
              });
            });
            hits.sort(function (a, b) { return b.score - a.score; });
            return hits.slice(0, 30);
          }

          function resultsBox() {
            var box = document.getElementById("search-results");
            if (box) return box;
            box = document.createElement("section");
            box.id = "search-results";
            box.className = "search-results";
            box.setAttribute("aria-live", "polite");
            var main = document.querySelector("main") || document.body;
            main.insertBefore(box, main.firstChild);
            return box;
          }

          function show(query) {
            var box = resultsBox();
            if (terms(query).length === 0) { box.hidden = true; box.innerHTML = ""; return; }
            withIndex(function (data) {
              var hits = search(data, query), words = terms(query);
              var html = "<strong>" + hits.length + (hits.length === 1 ? " result" : " results") + " for “" + escapeHTML(query) + "”</strong>";
              if (hits.length > 0) {
                html += "<ol>" + hits.map(function (hit) {
                  var href = hit.page.url + (hit.section.anchor ? "#" + hit.section.anchor : "");
                  var title = hit.page.title + (hit.section.heading && hit.section.heading !== hit.page.title ? " › " + hit.section.heading : "");
                  return "<li><a class=\"search-hit\" href=\"" + escapeHTML(href) + "\">" + escapeHTML(title) + "</a><p>" + snippet(hit.section.text, words) + "</p></li>";
                }).join("") + "</ol>";
              }
              box.innerHTML = html;
              box.hidden = false;
            });
          }

          function setUpSearch() {
            var input = document.querySelector(".search input[name=q]");
            var query = new URLSearchParams(window.location.search).get("q") || "";
            if (input) {
              input.value = query;
              var timer = null;
              input.addEventListener("input", function () {
                clearTimeout(timer);
                timer = setTimeout(function () { show(input.value); }, 150);
              });
            }
            if (query) show(query);
          }

          renderMath();
          setUpMenu();
          setUpSearch();
        })();
        """#
}
