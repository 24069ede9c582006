import Foundation

/// Renders one output (handbook or manual) of an edition into files: a cover page, a page per
/// chapter, the print version and the assets.
public struct SiteRenderer {
    let view: AudienceView
    let templates: TemplateSet
    let kind: OutputKind
    let outline: Outline
    let links: LinkResolver
    /// The week whose printable schedule is written with this build, linked from the manual.
    let currentWeek: ISOWeek?
    /// Under `serve`: rendered chapters kept between builds.
    var cache: RenderedPieceCache?
    /// The interface strings, filled in once for all pages.
    let ui: [String: String]
    /// Every language the output is written in, for the language switcher (empty: one language).
    var languages: [LanguageChoice] = []
    /// Where the files go inside the output: "" for the default language, "es/" for Spanish.
    var pathPrefix = ""
    /// The build's day, against which the manual marks a review as overdue.
    var today: CalendarDate?
    /// Whether the client `schedule/` folder is in the same output folder as this output. When
    /// the manual is written apart (`--staff-output`), a relative link from it to the calendar
    /// feeds would lead nowhere: it links to them at `site_url`, or not at all.
    var clientFilesBeside = true

    public init(view: AudienceView, templates: TemplateSet, kind: OutputKind, links: LinkResolver, currentWeek: ISOWeek? = nil) {
        self.currentWeek = currentWeek
        self.view = view
        self.templates = templates
        self.kind = kind
        self.outline = links.outline
        self.links = links
        self.ui = SiteContext.interfaceStrings(view, kind: kind, week: currentWeek, chapterCount: links.outline.chapters.count)
    }

    /// The output's files, whole (for callers that want them in memory; a build streams them).
    public func render() -> [OutputFile] {
        let collector = FileCollector()
        _ = try? render(into: collector, as: "")
        return collector.files.sorted { $0.path < $1.path }
    }

    /// Renders the output, handing each file to `sink` (as part of `output`) as soon as it is made,
    /// so that no output is ever held whole in memory. Chapters render on all cores, so `sink` is
    /// called from several threads. Returns how many pages (HTML files) and files it made.
    func render(into sink: OutputSink, as output: String) throws -> (pages: Int, files: Int) {
        let site = SiteContext(view: view, outline: outline, kind: kind, languages: languages, ui: ui)
        let outputTitle = view.wording.text(kind.titleKey)
        var files = 0, pages = 0
        func write(_ file: RenderedFile) throws {
            try sink.write(file.moved(into: pathPrefix), in: output)
            files += 1
            if file.path.hasSuffix(".html") { pages += 1 }
        }

        let signature = cache.map { _ in self.signature() } ?? 0
        let index = cached("index", nil, signature) {
            var index = site.base(title: outputTitle, current: nil, file: "index.html")
            index["chapterListId"] = Anchors.chapterList
            index["crisisHeadingId"] = Anchors.crisisHeading
            index["thisWeekHref"] = thisWeekHref
            if let whatsNew = view.content.whatsNew, outline.chapter(BuiltInSection.whatsNew.rawValue) != nil {
                index["whatsNewHref"] = BuiltInSection.whatsNew.rawValue + ".html"
                index["whatsNewLink"] = view.wording.text("whats_new_link", ["previous": whatsNew.previousEdition])
            }
            index["chapters"] = outline.chapters.map { chapter -> [String: Any] in
                var item: [String: Any] = ["chapterHref": "\(chapter.slug).html", "chapterTitle": chapter.title,
                                           "chapterStaffOnly": SiteContext.isStaffOnly(chapter)]
                item["chapterSummary"] = chapter.summary
                item["chapterTextLang"] = textLanguage(of: chapter)
                return item
            }
            return templates.render("index", index)
        }
        try write(RenderedFile(path: "index.html", pieces: [index]))

        // Each chapter's page is written as soon as it is rendered; its section of the print page
        // is kept for the print page (and, like the page, kept between builds under `serve`).
        let sections = try outline.chapters.concurrentMap { chapter -> RenderedBytes in
            let page = cached("page|\(chapter.slug)", chapter, signature) {
                var context = site.base(title: chapter.title, current: chapter.slug, file: "\(chapter.slug).html")
                context["chapter"] = chapterContext(chapter, mode: .page(chapter: chapter.slug, links: links))
                return templates.render("chapter", context)
            }
            try sink.write(RenderedFile(path: "\(pathPrefix)\(chapter.slug).html", pieces: [page]), in: output)
            return cached("print|\(chapter.slug)", chapter, signature) {
                templates.render("print-chapter", chapterContext(chapter, mode: .print(chapter: chapter.slug, links: links)))
            }
        }
        files += sections.count
        pages += sections.count

        var search = site.base(title: view.wording.text("search"), current: nil, file: "search.html")
        search["homeCurrent"] = false
        search["searchCurrent"] = true
        try write(RenderedFile(path: "search.html", text: templates.render("search", search)))

        try write(RenderedFile(path: "print.html", pieces: printPage(site, sections: sections, signature: signature)))

        // A translation's pages use the default language's copy (`../assets/`).
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) where site.rootPrefix.isEmpty {
            try write(RenderedFile(OutputFile(path: "assets/\(name)", contents: data)))
        }
        for asset in contentAssets() { try write(RenderedFile(asset)) }
        return (pages, files)
    }

    /// The print page, as the frame's parts with the chapters' sections between them; or whole,
    /// when the template does not write each section once as it is (see `PrintPageFrame`).
    private func printPage(_ site: SiteContext, sections: [RenderedBytes], signature: Int) -> [RenderedBytes] {
        var print = site.base(title: view.wording.text(kind.titleKey), current: nil, file: "print.html")
        func printChapters(_ section: (Int) -> String) -> [[String: Any]] {
            outline.chapters.enumerated().map { index, chapter in
                var item: [String: Any] = ["chapterId": chapter.slug, "chapterTitle": chapter.title, "printSection": section(index)]
                item["chapterTextLang"] = textLanguage(of: chapter)
                return item
            }
        }
        let framed = cached("print-frame", nil, signature) {
            print["printChapters"] = printChapters(PrintPageFrame.marker)
            return templates.render("print", print)
        }
        if let text = framed.text, let frame = PrintPageFrame.cut(text, sections: sections.count) {
            return frame.pieces(with: sections)
        }
        print["printChapters"] = printChapters { sections[$0].text ?? "" }
        return [RenderedBytes(templates.render("print", print))]
    }

    /// Everything a chapter shows beyond its own text: the program, the data files, the templates,
    /// the week, and the list of chapters (navigation names its neighbours).
    private func signature() -> Int {
        var hasher = Hasher()
        let content = view.content
        hasher.combine(String(reflecting: (content.program, content.rules, content.faq, content.topics, content.staff)))
        hasher.combine(String(reflecting: content.schedule))
        // The cover links to "What's new" by the previous edition's name. Its list, and the
        // fingerprint, change with any page's text: only the chapters that show them hash them.
        hasher.combine(content.whatsNew?.previousEdition)
        hasher.combine(templates.signature)
        hasher.combine(kind.rawValue)
        hasher.combine(content.language)
        hasher.combine(languages.map { $0.tag + $0.name })
        hasher.combine(currentWeek?.description)
        hasher.combine(today?.description)
        for chapter in outline.chapters {
            hasher.combine(chapter.slug)
            hasher.combine(chapter.title)
            hasher.combine(chapter.summary)
            hasher.combine(SiteContext.isStaffOnly(chapter))
        }
        return hasher.finalize()
    }

    /// A chapter's rendering, kept between builds under `serve` while its inputs are the same.
    private func cached(_ name: String, _ chapter: Outline.Chapter?, _ signature: Int, render: () -> String) -> RenderedBytes {
        guard let cache else { return RenderedBytes(render()) }
        var hasher = Hasher()
        hasher.combine(signature)
        if case let .page(page) = chapter?.kind {
            // The document stands for the text: the cache gives a new one when the text changes.
            hasher.combine(view.document(page.body).serial)
            hasher.combine(page.body.origin)
            // The front matter's review line is not part of the text.
            hasher.combine(page.review)
        }
        if case .section(.whatsNew) = chapter?.kind { hasher.combine(String(reflecting: view.content.whatsNew)) }
        // The acknowledgment page prints the fingerprint of the client text.
        if name == "print-frame" { hasher.combine(view.content.clientFingerprint) }
        return cache.rendered("\(kind.rawValue)|\(view.content.language)|\(name)", key: hasher.finalize()) { RenderedBytes(render()) }
    }

    /// With `bodyOnlyIfNeeded`, the body is left out: the caller takes it from the cache.
    private func chapterContext(_ chapter: Outline.Chapter, mode: RenderMode, bodyOnlyIfNeeded: Bool = false) -> [String: Any] {
        var context: [String: Any] = [
            "chapterSlug": chapter.slug, "chapterTitle": chapter.title, "chapterId": chapter.slug,
            "chapterStaffOnly": SiteContext.isStaffOnly(chapter),
        ]
        context["chapterSummary"] = chapter.summary
        context["ui"] = ui
        context["lang"] = view.content.language
        if let language = textLanguage(of: chapter) {
            context["chapterTextLang"] = language
            context["chapterNotTranslated"] = true
        }
        if bodyOnlyIfNeeded && cache != nil { return context }
        switch chapter.kind {
        case let .page(page):
            let document = view.document(page.body)
            context["chapterBody"] = document.html(idPrefix: mode.idPrefix, headingShift: mode.headingShift,
                                                   rewriteLink: mode.href)
            context["chapterReview"] = reviewLine?.context(page.review)
            let toc = document.headings.filter { $0.level == 2 }.map { ["tocId": mode.id($0.id), "tocText": $0.text] }
            if toc.count >= 2 {
                context["chapterToc"] = toc
                context["chapterHasToc"] = true
            }
        case let .section(section):
            var sections = SectionContexts(view: view, mode: mode)
            sections.reviewLine = reviewLine
            if !mode.isPrint, currentWeek != nil, reachesClientSchedule { sections.calendarFeedHref = calendarFeedHref }
            var sectionContext = sections.context(for: section)
            sectionContext["ui"] = ui
            if section == .schedule, !mode.isPrint { sectionContext["thisWeekHref"] = thisWeekHref }
            // This week's notices on the screen only: the printed handbook is kept for the whole
            // edition, where one week's notice would soon be out of date.
            if section == .schedule, !mode.isPrint, let currentWeek {
                sectionContext.merge(NoticeContexts(wording: view.wording).chapterContext(view.content, week: currentWeek)) { $1 }
            }
            if section == .rules || section == .faq || section == .topics || section == .schedule {
                let toc = SectionContexts(view: view, mode: mode).onThisPage(section)
                if toc.count >= 2 {
                    context["chapterToc"] = toc.map { ["tocId": $0.id, "tocText": $0.text] }
                    context["chapterHasToc"] = true
                }
            }
            context["chapterBody"] = templates.render("section-\(section.rawValue)", sectionContext)
        }
        return context
    }

    /// The stable address of this week's printable schedule in the same language, which every
    /// build points at the current week (`schedule/index.html`, `schedule/es/index.html`; the
    /// staff copy under `manual/schedule/`), as seen from this output's pages. Nil when the
    /// output is rendered without a week.
    private var thisWeekHref: String? {
        guard currentWeek != nil else { return nil }
        let weekRoot = kind == .handbook ? clientScheduleRoot : outputRoot + "schedule/"
        return weekRoot + (translation.map { $0 + "/" } ?? "") + "index.html"
    }

    /// The calendar feed of a track (nil: of every track) in the page's language, which the
    /// build writes into the client `schedule/` folder.
    private func calendarFeedHref(track: String?) -> String {
        CalendarFeed.href(view.content.program, track: track, language: translation, scheduleRoot: clientScheduleRoot)
    }

    /// Whether this output's pages can link to the client `schedule/` folder: by a relative path
    /// when it is beside them, else by the absolute address `site_url` gives.
    private var reachesClientSchedule: Bool {
        kind == .handbook || clientFilesBeside || view.content.program.siteURL != nil
    }

    /// The owner-and-review line of pages and items: the manual's only.
    private var reviewLine: ReviewLine? {
        kind == .manual ? ReviewLine(content: view.content, wording: view.wording, today: today) : nil
    }

    /// The page's language when it is a translation (`es`), else nil.
    private var translation: String? {
        view.content.language == view.content.program.language ? nil : view.content.language
    }
    /// From a page to its output's folder (`handbook/`, `manual/`), and to the client `schedule/`.
    private var outputRoot: String { translation == nil ? "" : "../" }
    private var clientScheduleRoot: String { outputRoot + "../schedule/" }

    /// The language of a page shown untranslated, for its `lang` attribute and notice.
    private func textLanguage(of chapter: Outline.Chapter) -> String? {
        if case let .page(page) = chapter.kind { return page.fallbackLanguage }
        return nil
    }

    /// Images and other files the Markdown of this edition links to, copied from the content
    /// folder. Only files this edition links to, so a staff-only picture never lands in the handbook.
    private func contentAssets() -> [OutputFile] {
        var paths: Set<String> = []
        for (chapter, document) in view.documentsByChapter {
            // Most links go to pages; only a path ending in a file kind can be an asset. Read in
            // place: copying each link (four strings) cost more than the test.
            for index in document.links.indices where LinkResolver.mayBeAsset(document.links[index].destination) {
                if case let .asset(path) = links.resolve(document.links[index].destination, from: chapter) { paths.insert(path) }
            }
        }
        return paths.sorted().compactMap { path in
            guard case let .file(data)? = links.files.entry(at: path) else { return nil }
            return OutputFile(path: path, contents: data)
        }
    }
}

/// Keeps the files of `SiteRenderer.render()`, for callers that want them whole.
private final class FileCollector: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files: [OutputFile] = []

    func write(_ file: RenderedFile, in output: String) throws {
        let whole = file.outputFile
        lock.withLock { files.append(whole) }
    }
}
