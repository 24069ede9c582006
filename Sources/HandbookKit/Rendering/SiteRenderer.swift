import Foundation

/// Renders one output (handbook or manual) of an edition into files: a cover page, a page per
/// chapter, the print version and the assets.
public struct SiteRenderer {
    let edition: Edition
    let templates: TemplateSet
    let kind: OutputKind
    let outline: Outline
    let links: LinkResolver
    /// The week whose printable schedule is written with this build, linked from the manual.
    let currentWeek: ISOWeek?
    /// Under `serve`: rendered chapters kept between builds.
    var session: BuildSession?
    /// The interface strings, filled in once for all pages.
    let ui: [String: String]
    /// Every language the output is written in, for the language switcher (empty: one language).
    var languages: [LanguageChoice] = []

    public init(edition: Edition, templates: TemplateSet, kind: OutputKind, links: LinkResolver, currentWeek: ISOWeek? = nil) {
        self.currentWeek = currentWeek
        self.edition = edition
        self.templates = templates
        self.kind = kind
        self.outline = links.outline
        self.links = links
        self.ui = SiteContext.interfaceStrings(edition, kind: kind, week: currentWeek, chapterCount: links.outline.chapters.count)
    }

    public func render() -> [OutputFile] {
        let site = SiteContext(edition: edition, outline: outline, kind: kind, languages: languages, ui: ui)
        let outputTitle = edition.wording.text(kind.titleKey)
        var files: [OutputFile] = []

        let signature = session.map { _ in self.signature() } ?? 0
        let indexHTML = cached("index", nil, signature) {
            var index = site.base(title: outputTitle, current: nil, file: "index.html")
            index["chapters"] = outline.chapters.map { chapter -> [String: Any] in
                var item: [String: Any] = ["chapterHref": "\(chapter.slug).html", "chapterTitle": chapter.title,
                                           "chapterStaffOnly": SiteContext.isStaffOnly(chapter)]
                item["chapterSummary"] = chapter.summary
                item["chapterTextLang"] = textLanguage(of: chapter)
                return item
            }
            return templates.render("index", index)
        }
        files.append(OutputFile(path: "index.html", text: indexHTML))

        // Chapters render on all cores: each Markdown document belongs to one chapter.
        files += outline.chapters.concurrentMap { chapter in
            let html = cached("page|\(chapter.slug)", chapter, signature) {
                var context = site.base(title: chapter.title, current: chapter.slug, file: "\(chapter.slug).html")
                context["chapter"] = chapterContext(chapter, mode: .page(chapter: chapter.slug, links: links))
                return templates.render("chapter", context)
            }
            return OutputFile(path: "\(chapter.slug).html", text: html)
        }

        var search = site.base(title: edition.wording.text("search"), current: nil, file: "search.html")
        search["homeCurrent"] = false
        search["searchCurrent"] = true
        files.append(OutputFile(path: "search.html", text: templates.render("search", search)))

        var print = site.base(title: outputTitle, current: nil, file: "print.html")
        // Each chapter's section of the print page is rendered on its own (and kept under `serve`),
        // so the print page itself only strings them together.
        print["printChapters"] = outline.chapters.concurrentMap { chapter -> [String: Any] in
            let section = cached("print|\(chapter.slug)", chapter, signature) {
                templates.render("print-chapter", chapterContext(chapter, mode: .print(chapter: chapter.slug, links: links)))
            }
            return ["chapterId": chapter.slug, "chapterTitle": chapter.title, "printSection": section]
        }
        files.append(OutputFile(path: "print.html", text: templates.render("print", print)))

        // A translation's pages use the default language's copy (`../assets/`).
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) where site.rootPrefix.isEmpty {
            files.append(OutputFile(path: "assets/\(name)", contents: data))
        }
        files.append(contentsOf: contentAssets())
        return files
    }

    /// Everything a chapter shows beyond its own text: the program, the data files, the templates,
    /// the week, and the list of chapters (navigation names its neighbours).
    private func signature() -> Int {
        var hasher = Hasher()
        let content = edition.content
        hasher.combine(String(reflecting: (content.program, content.rules, content.faq, content.topics, content.staff)))
        hasher.combine(String(reflecting: content.schedule))
        hasher.combine(templates.signature)
        hasher.combine(kind.rawValue)
        hasher.combine(content.language)
        hasher.combine(languages.map { $0.tag + $0.name })
        hasher.combine(currentWeek?.description)
        for chapter in outline.chapters {
            hasher.combine(chapter.slug)
            hasher.combine(chapter.title)
            hasher.combine(chapter.summary)
            hasher.combine(SiteContext.isStaffOnly(chapter))
        }
        return hasher.finalize()
    }

    /// A chapter's rendering, kept between builds under `serve` while its inputs are the same.
    private func cached(_ name: String, _ chapter: Outline.Chapter?, _ signature: Int, render: () -> String) -> String {
        guard let session else { return render() }
        var hasher = Hasher()
        hasher.combine(signature)
        if case let .page(page) = chapter?.kind {
            // The document stands for the text: the session gives a new one when the text changes.
            hasher.combine(edition.document(page.body).serial)
            hasher.combine(page.body.origin)
        }
        return session.rendered("\(kind.rawValue)|\(edition.content.language)|\(name)", key: hasher.finalize(), render: render)
    }

    /// With `bodyOnlyIfNeeded`, the body is left out: the caller takes it from the cache.
    private func chapterContext(_ chapter: Outline.Chapter, mode: RenderMode, bodyOnlyIfNeeded: Bool = false) -> [String: Any] {
        var context: [String: Any] = [
            "chapterSlug": chapter.slug, "chapterTitle": chapter.title, "chapterId": chapter.slug,
            "chapterStaffOnly": SiteContext.isStaffOnly(chapter),
        ]
        context["chapterSummary"] = chapter.summary
        context["ui"] = ui
        context["lang"] = edition.content.language
        if let language = textLanguage(of: chapter) {
            context["chapterTextLang"] = language
            context["chapterNotTranslated"] = true
        }
        if bodyOnlyIfNeeded && session != nil { return context }
        switch chapter.kind {
        case let .page(page):
            let document = edition.document(page.body)
            context["chapterBody"] = document.html(idPrefix: mode.idPrefix, headingShift: mode.headingShift,
                                                   rewriteLink: mode.href)
            let toc = document.headings.filter { $0.level == 2 }.map { ["tocId": mode.id($0.id), "tocText": $0.text] }
            if toc.count >= 2 {
                context["chapterToc"] = toc
                context["chapterHasToc"] = true
            }
        case let .section(section):
            var sectionContext = SectionContexts(edition: edition, mode: mode).context(for: section)
            sectionContext["ui"] = ui
            if section == .schedule, kind == .manual, let week = currentWeek {
                // The week of the same language: `schedule/2026-W49/es/` beside `es/`.
                let translated = edition.content.language != edition.content.program.language
                sectionContext["currentWeekHref"] = translated ? "../schedule/\(week)/\(edition.content.language)/index.html"
                    : "schedule/\(week)/index.html"
                sectionContext["currentWeek"] = week.description
            }
            context["chapterBody"] = templates.render("section-\(section.rawValue)", sectionContext)
        }
        return context
    }

    /// The language of a page shown untranslated, for its `lang` attribute and notice.
    private func textLanguage(of chapter: Outline.Chapter) -> String? {
        if case let .page(page) = chapter.kind { return page.fallbackLanguage }
        return nil
    }

    /// Images and other files the Markdown of this edition links to, copied from the content
    /// folder. Only files this edition links to, so a staff-only picture never lands in the handbook.
    private func contentAssets() -> [OutputFile] {
        var paths: Set<String> = []
        for (chapter, document) in edition.documentsByChapter {
            for link in document.links {
                // Most links go to pages; only a path ending in a file kind can be an asset.
                let path = link.destination.split(separator: "#").first.map(String.init) ?? ""
                guard let dot = path.lastIndex(of: "."),
                      LinkResolver.publishableExtensions.contains(path[path.index(after: dot)...].lowercased()) else { continue }
                if case let .asset(path) = links.resolve(link.destination, from: chapter) { paths.insert(path) }
            }
        }
        return paths.sorted().compactMap { path in
            FileManager.default.contents(atPath: edition.content.directory + "/" + path).map { OutputFile(path: path, contents: $0) }
        }
    }
}
