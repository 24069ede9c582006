/* The search page, on Pagefind's own search API (pagefind/pagefind.js, written by the build).
 *
 * Not Pagefind's ready-made interface, for two reasons a reader meets:
 * - Pagefind answers a word it does not know with the pages of the longest start of that word it
 *   does know ("incident" finds every "in"; Pagefind has no option to turn this off, see
 *   github.com/Pagefind/pagefind/issues/780). The ready-made interface cannot drop a result, so
 *   a word that is nowhere in the handbook showed a page of nonsense. Here a result is kept only
 *   when a word it matched really begins like a searched word.
 * - Each result here is the rule, question, topic or section the words are in, titled and linked
 *   by its own heading, rather than the top of a long chapter.
 * Its text is the output's interface strings (data- attributes of the form), and its look is the
 * output's stylesheet, so it follows the dark scheme and the type size of every other page. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var text = form.dataset;
  var pageSize = 10;

  function show(id) { document.getElementById(id).hidden = false; }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  // Pagefind loads its index with fetch, which browsers refuse for a page opened as a file.
  if (window.location.protocol === "file:") { show("search-needs-server"); return; }
  var bundle = new URL(text.bundle, document.baseURI).href;
  var outputRoot = new URL("../", bundle);
  // A large output's index comes in parts (pagefind/, pagefind-2/, ...), which pagefind/parts.json
  // lists with their languages. The search asks the parts that hold this page's language (as
  // Pagefind matches it: "es-US", then "es"): the first is loaded, the others merged into it.
  // A part without the language would answer in another.
  var language = (document.documentElement.lang || "").toLowerCase();
  function holdsLanguage(part) {
    return (part.languages || []).some(function (held) {
      held = held.toLowerCase();
      return held === language || held === language.split("-")[0];
    });
  }
  var pagefind = fetch(new URL("parts.json", bundle).href).then(function (answer) {
    return answer.ok ? answer.json() : { parts: [] };
  }, function () { return { parts: [] }; }).then(function (list) {
    var parts = (list.parts || []).filter(holdsLanguage);
    var first = parts.length > 0 ? new URL(parts[0].folder + "pagefind.js", outputRoot).href : bundle;
    return import(first).then(function (module) {
      return Promise.resolve(module.init()).then(function () {
        return Promise.all(parts.slice(1).map(function (part) {
          return module.mergeIndex(new URL(part.folder, outputRoot).pathname);
        }));
      }).then(function () { return module; });
    });
  });
  pagefind.catch(function () { form.hidden = true; show("search-unavailable"); });
  form.hidden = false;

  /** Lower case, without accents or punctuation: how two words are compared. */
  function plain(word) {
    return (word || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }
  /** Whether a word of the page is an answer to a searched word: it starts with the searched
   *  word, or shares its first four letters (so "craving" finds "cravings" and Spanish
   *  "antojo" finds "antojos", but "incident" does not find "in"). */
  function answers(found, searched) {
    var shared = 0;
    while (shared < found.length && shared < searched.length && found[shared] === searched[shared]) { shared += 1; }
    return shared >= Math.min(searched.length, 4);
  }
  function relevant(words, locations, terms) {
    return locations.some(function (location) {
      var found = plain(words[location]);
      return found && terms.some(function (term) { return answers(found, term); });
    });
  }

  /** The entries a page adds to the list: each part of the page (a heading with an id) whose own
   *  words answer the search, or the page itself when no part does. */
  function entries(data, terms) {
    var words = (data.raw_content || data.content || "").split(/[\r\n\s]+/g);
    if (!relevant(words, data.locations || [], terms)) { return []; }
    var title = (data.meta && data.meta.title) || data.url;
    var parts = (data.sub_results || []).filter(function (part) {
      return part.url.indexOf("#") >= 0 && relevant(words, part.locations || [], terms);
    }).slice(0, 3);
    if (parts.length === 0) { return [{ title: title, url: data.url, excerpt: data.excerpt }]; }
    return parts.map(function (part) {
      return { title: part.title, url: part.url, excerpt: part.excerpt, chapter: part.title === title ? null : title };
    });
  }

  function add(entry) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("p");
    heading.className = "search-result-title";
    var link = document.createElement("a");
    link.className = "search-result-link";
    link.href = entry.url;
    link.textContent = entry.title;
    heading.appendChild(link);
    item.appendChild(heading);
    if (entry.chapter) {
      var chapter = document.createElement("p");
      chapter.className = "search-result-chapter";
      chapter.textContent = fill(text.inChapter, { chapter: entry.chapter });
      item.appendChild(chapter);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "search-result-excerpt";
    // Pagefind's excerpt is the page's text, escaped when indexed, with <mark> around the words found.
    excerpt.innerHTML = entry.excerpt;
    item.appendChild(excerpt);
    list.appendChild(item);
  }

  var current = 0; // Each search's number: an answer to an older search is dropped.
  var pending = null, shown = 0, lastTerm = "";

  function report(term) {
    var template = shown === 0 ? text.noResults : (shown === 1 ? text.resultsOne : text.resultsOther);
    status.textContent = fill(template, { number: String(shown), term: term });
  }

  /** Shows the next results of the search, reading pages until a screenful of entries is found
   *  or the results end. */
  function showMore(terms, term, ticket) {
    more.hidden = true;
    var target = shown + pageSize;
    function next() {
      if (ticket !== current) { return Promise.resolve(); }
      if (shown >= target || pending.length === 0) {
        report(term);
        more.hidden = pending.length === 0;
        return Promise.resolve();
      }
      var batch = pending.splice(0, pageSize);
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (ticket !== current) { return; }
        pages.forEach(function (data) {
          entries(data, terms).forEach(function (entry) { add(entry); shown += 1; });
        });
        return next();
      });
    }
    return next();
  }

  function run(term) {
    term = term.trim();
    if (term === lastTerm) { return; }
    lastTerm = term;
    current += 1;
    var ticket = current;
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    var url = new URL(window.location.href);
    if (term) { url.searchParams.set("q", term); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url.href);
    if (!term) { status.textContent = ""; return; }
    status.textContent = text.searching;
    var terms = term.split(/\s+/).map(plain).filter(function (word) { return word.length > 0; });
    pagefind.then(function (module) { return module.search(term); }).then(function (search) {
      if (ticket !== current || !search) { return; }
      pending = search.results.slice();
      return showMore(terms, term, ticket);
    }).catch(function () { if (ticket === current) { status.textContent = ""; show("search-unavailable"); } });
  }

  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { run(input.value); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    run(input.value);
  });
  more.addEventListener("click", function () { showMore(lastTerm.split(/\s+/).map(plain).filter(Boolean), lastTerm, current); });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; run(query); }
})();
