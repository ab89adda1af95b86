/* Papersite default theme: colour scheme toggle, listing filters, search, copy buttons, math.
   Everything here enhances pages that already work without it. */
(function () {
  "use strict";

  var STORAGE_KEY = "papersite-scheme";

  function currentScheme() {
    var chosen = document.documentElement.dataset.scheme;
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function setUpSchemeToggle() {
    var button = document.querySelector("[data-scheme-toggle]");
    if (!button) return;
    function label() {
      var dark = currentScheme() === "dark";
      button.textContent = dark ? "Light mode" : "Dark mode";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
    }
    button.hidden = false;
    label();
    button.addEventListener("click", function () {
      var next = currentScheme() === "dark" ? "light" : "dark";
      document.documentElement.dataset.scheme = next;
      try { localStorage.setItem(STORAGE_KEY, next); } catch (e) { /* private mode: not remembered */ }
      label();
    });
  }

  function setUpListing(listing) {
    var tools = listing.querySelector("[data-listing-tools]");
    var container = listing.querySelector("[data-items]");
    if (!tools || !container) return;
    var items = Array.prototype.slice.call(container.children);
    var selected = [];
    var count = tools.querySelector("[data-count]");
    var sort = tools.querySelector("[data-sort]");
    tools.hidden = false;

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var tags = (item.dataset.tags || "").split(" ");
        var visible = selected.every(function (tag) { return tags.indexOf(tag) >= 0; });
        item.hidden = !visible;
        if (visible) shown++;
      });
      count.textContent = selected.length === 0
        ? ""
        : shown + " of " + items.length + " papers tagged " + selected.join(" and ");
    }

    tools.querySelectorAll("[data-tag]").forEach(function (button) {
      button.addEventListener("click", function () {
        var tag = button.dataset.tag;
        var at = selected.indexOf(tag);
        if (at >= 0) selected.splice(at, 1); else selected.push(tag);
        button.setAttribute("aria-pressed", at >= 0 ? "false" : "true");
        apply();
      });
    });

    sort.addEventListener("change", function () {
      var by = sort.value;
      var sorted = items.slice().sort(function (a, b) {
        if (by === "title") return a.dataset.title.localeCompare(b.dataset.title);
        if (by === "date") {
          var byDate = (b.dataset.date || "").localeCompare(a.dataset.date || "");
          if (byDate !== 0) return byDate;
        }
        return Number(a.dataset.position) - Number(b.dataset.position);
      });
      sorted.forEach(function (item) { container.appendChild(item); });
    });
  }

  function setUpCopyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var source = document.getElementById(button.dataset.copy);
      var status = button.parentNode.querySelector("[data-copy-status]");
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = source.textContent;
        function selectIt() {
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          status.textContent = "Selected: press Ctrl+C (or Cmd+C) to copy";
        }
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () {
            status.textContent = "Copied";
          }, selectIt);
        } else {
          selectIt();
        }
      });
    });
  }

  function setUpSearch(form) {
    var input = form.querySelector("input[type=search]");
    var status = document.getElementById("search-status");
    var results = document.getElementById("search-results");
    var documents = null;
    var texts = null;
    var titles = null;
    var index = null;
    var loading = null;
    var timer = null;
    // The abstracts and notes: "loading", then "loaded" or "failed".
    var fullText = "loading";
    // A search page overridden before the abstracts and notes had a file of their own names none.
    var textUrl = form.dataset.text || form.dataset.index.replace(/[^/]*$/, "search-text.json");

    // Resolves once the titles, authors and tags are here, so that a large collection answers
    // those at once; the abstracts and notes follow in a second file, ten times larger. Until the
    // full-text index is built (after them, a slice at a time), a plain scan answers.
    function load() {
      if (loading) return loading;
      status.textContent = "Loading the search index…";
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = form.dataset.lunr;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      }).then(function () {
        return fetch(form.dataset.index);
      }).then(json).then(function (data) {
        documents = data;
        titles = data.map(function (doc) { return plain(doc.t); });
        scanWith(documents);
        fetch(textUrl).then(json).then(function (extra) {
          // Merged a slice at a time, so that the page answers typing meanwhile. (Two files of
          // different builds, one of them from a cache, are merged as far as both go.)
          var count = Math.min(extra.length, documents.length);
          var full = [];
          (function slice() {
            for (var end = Math.min(count, full.length + 500); full.length < end; ) {
              var doc = documents[full.length];
              doc.b = extra[full.length].b;
              doc.n = extra[full.length].n;
              full.push(plainText(doc));
            }
            if (full.length < count) {
              setTimeout(slice, 0);
              return;
            }
            texts = full.concat(texts.slice(count));
            fullText = "loaded";
            answer();
            buildIndex(documents);
          })();
        }, function () {
          fullText = "failed";
          answer();
        });
      });
      return loading;
    }

    function json(response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    }

    function scanWith(data) {
      texts = data.map(plainText);
    }

    function plainText(doc) {
      return plain([doc.t, doc.a, doc.g, doc.b, doc.n].filter(Boolean).join(" "));
    }

    function answer() {
      if (input.value.trim()) show(input.value.trim());
    }

    function buildIndex(data) {
      var started = performance.now();
      var builder = new lunr.Builder();
      builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
      builder.searchPipeline.add(lunr.stemmer);
      builder.ref("i");
      builder.field("t", { boost: 10 });
      builder.field("a", { boost: 5 });
      builder.field("g", { boost: 5 });
      builder.field("b");
      builder.field("n");
      builder.metadataWhitelist = [];
      var next = 0;
      (function slice() {
        for (var end = Math.min(data.length, next + 250); next < end; next++) {
          var doc = data[next];
          builder.add({ i: String(next), t: doc.t, a: doc.a || "", g: doc.g || "", b: doc.b || "", n: doc.n || "" });
        }
        if (next < data.length) {
          setTimeout(slice, 0); // let the page answer typing between slices
          return;
        }
        index = builder.build();
        form.dataset.indexMs = String(Math.round(performance.now() - started));
        answer();
      })();
    }

    // Lower case, every run of other characters than letters and digits one space, a space first:
    // so " " + word finds a word's beginning.
    function plain(text) {
      return " " + text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ");
    }

    function words(text) {
      return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (t) {
        return t.length > 0 && lunr.stopWordFilter(new lunr.Token(t)) !== undefined;
      });
    }

    function terms(text) {
      return words(text).map(function (t) {
        return lunr.stemmer(new lunr.Token(t)).toString();
      });
    }

    // Until the index is built: papers with every word at the start of one of theirs, title
    // matches first.
    function scan(text) {
      var wanted = words(text).map(function (w) { return " " + w; });
      var hits = [];
      texts.forEach(function (t, i) {
        if (wanted.every(function (w) { return t.indexOf(w) >= 0; })) {
          var inTitle = wanted.filter(function (w) { return titles[i].indexOf(w) >= 0; }).length;
          hits.push({ ref: String(i), score: inTitle });
        }
      });
      return hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    }

    function show(text) {
      results.textContent = "";
      var query = terms(text);
      if (query.length === 0) {
        status.textContent = "";
        return;
      }
      var found = index === null ? scan(text) : index.query(function (q) {
        query.forEach(function (term) {
          q.term(term, { presence: lunr.Query.presence.REQUIRED, wildcard: lunr.Query.wildcard.TRAILING });
        });
      });
      status.textContent = (found.length === 0
        ? "No paper matches “" + text + "”."
        : found.length + (found.length === 1 ? " paper matches" : " papers match") + " “" + text + "”.")
        + (fullText === "loading" ? " Still loading abstracts and notes…"
          : fullText === "failed" ? " Abstracts and notes could not be loaded: titles, authors and tags only." : "");
      found.slice(0, 50).forEach(function (hit) {
        var doc = documents[Number(hit.ref)];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc.u;
        a.textContent = doc.t;
        li.appendChild(a);
        var meta = [doc.a, doc.d].filter(Boolean).join(" · ");
        if (meta) {
          var p = document.createElement("p");
          p.className = "paper-meta";
          p.textContent = meta;
          li.appendChild(p);
        }
        if (doc.b) {
          var snippet = document.createElement("p");
          snippet.className = "snippet";
          snippet.textContent = doc.b.length > 220 ? doc.b.slice(0, 220).replace(/\s+\S*$/, "") + "…" : doc.b;
          li.appendChild(snippet);
        }
        results.appendChild(li);
      });
    }

    function search() {
      var text = input.value.trim();
      var url = new URL(window.location.href);
      if (text) url.searchParams.set("q", text); else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      load().then(function () { show(text); }, function () {
        status.textContent = "The search index could not be loaded.";
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      search();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 120);
    });
    // This is the search page: start fetching and indexing at once, while the reader starts typing.
    load();
    var initial = new URL(window.location.href).searchParams.get("q");
    if (initial) {
      input.value = initial;
      search();
    }
  }

  function renderMath() {
    if (typeof window.renderMathInElement !== "function") return;
    window.renderMathInElement(document.body, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true }
      ],
      throwOnError: false
    });
  }

  function start() {
    setUpSchemeToggle();
    document.querySelectorAll("[data-listing]").forEach(setUpListing);
    setUpCopyButtons();
    var form = document.querySelector("[data-search]");
    if (form) setUpSearch(form);
    renderMath();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
