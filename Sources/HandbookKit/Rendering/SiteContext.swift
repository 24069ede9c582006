/// A language an output is also written in, for the language switcher.
public struct LanguageChoice: Sendable {
    public var tag: String
    /// The language's name in itself ("Español").
    public var name: String
    /// "" for the default language, "es/" for Spanish: where its files are inside the output.
    public var folder: String

    /// The language switcher's values (`languages` and `hasLanguages`, see languages.mustache):
    /// the same `file` in every language, seen from a page of `current` whose shared files are
    /// at `root` ("" or "../"). Nothing with one language.
    static func switcher(_ languages: [LanguageChoice], current: String, root: String, file: String) -> [String: Any] {
        guard languages.count > 1 else { return [:] }
        let links = languages.map { choice -> [String: Any] in
            ["languageName": choice.name, "languageTag": choice.tag, "languageHref": root + choice.folder + file,
             "languageCurrent": choice.tag == current]
        }
        return ["languages": links, "hasLanguages": true]
    }
}

/// The parts of every page's context that are the same across an output: program, navigation,
/// crisis lines, the interface strings and the language switcher.
struct SiteContext {
    let view: AudienceView
    let outline: Outline
    let kind: OutputKind
    /// Every language of the output, this one included, in the program's order.
    let languages: [LanguageChoice]
    /// The interface strings with the placeholders this output knows filled in.
    let ui: [String: String]
    /// The navigation entries, made once for all pages.
    private let navItems: [[String: Any]]
    /// The edition date in the output's language, formatted once for all pages.
    private let editionDate: String

    /// Above this many chapters, each page lists only its neighbours and links to the full list
    /// on the start page: a page's size, and the build's time, then grow with the page, not
    /// with the number of pages squared.
    static let fullNavigationLimit = 40
    static let neighbours = 5

    init(view: AudienceView, outline: Outline, kind: OutputKind, languages: [LanguageChoice], ui: [String: String]) {
        self.view = view
        self.outline = outline
        self.kind = kind
        self.languages = languages
        self.ui = ui
        self.editionDate = view.wording.fullDate(view.content.program.editionDate)
        navItems = outline.chapters.map { chapter -> [String: Any] in
            var item: [String: Any] = ["navHref": "\(chapter.slug).html", "navTitle": chapter.title,
                                       "navStaffOnly": Self.isStaffOnly(chapter)]
            if case let .page(page) = chapter.kind { item["navTextLang"] = page.fallbackLanguage }
            return item
        }
    }

    /// The entries shown on a page: all of them, or the current chapter's neighbours.
    private func navigation(current: Int?) -> [[String: Any]] {
        var window = navItems.indices
        if navItems.count > Self.fullNavigationLimit {
            let center = current ?? 0
            window = max(0, center - Self.neighbours)..<min(navItems.count, center + Self.neighbours + 1)
        }
        return window.map { index in
            var item = navItems[index]
            if index == current { item["navCurrent"] = true }
            return item
        }
    }

    /// The interface strings of an edition's language, with what every page of an output may say
    /// filled in: `{program}`, `{output}` ("handbook"), `{edition}`, `{date}`, `{week}`, `{count}`
    /// of chapters, `{language}` (the default language's name, for notices about untranslated text).
    static func interfaceStrings(_ view: AudienceView, kind: OutputKind, week: ISOWeek?, chapterCount: Int) -> [String: String] {
        let wording = view.wording, program = view.content.program
        return wording.templateStrings([
            "program": program.name, "output": wording.text(kind.nounKey), "edition": program.edition,
            "date": wording.fullDate(program.editionDate), "week": week?.description ?? "", "count": String(chapterCount),
            "language": wording.nameOfLanguage(wording.defaultLanguage), "phone": program.phone,
            "fingerprint": view.content.clientFingerprint ?? "",
        ])
    }

    /// Where the output's shared files (stylesheet, search index) are, seen from a page.
    var rootPrefix: String { view.content.language == view.content.program.language ? "" : "../" }

    /// `file` is the page's file name, for the links to the same page in the other languages.
    func base(title: String, current: String?, file: String) -> [String: Any] {
        let program = view.content.program
        var context: [String: Any] = [
            "lang": view.content.language,
            "dir": view.wording.textDirection,
            "ui": ui,
            "root": rootPrefix,
            "pageTitle": title,
            "programName": program.name,
            "programDisplayName": program.displayName,
            "edition": program.edition,
            "editionDate": editionDate,
            "outputTitle": view.wording.text(kind.titleKey),
            "isManual": kind == .manual,
            "mainPhone": program.phone,
            "mainPhoneTel": Self.tel(program.phone),
            "crisisLines": Self.crisisLines(program),
            "homeCurrent": current == nil,
            "chapterMenuId": Anchors.chapterMenu,
        ]
        let index = current.flatMap(outline.index(of:))
        context["nav"] = navigation(current: index)
        if navItems.count > Self.fullNavigationLimit { context["navShortened"] = outline.chapters.count }
        if let index {
            if index > 0 { context["previousChapter"] = navItems[index - 1] }
            if index + 1 < navItems.count { context["nextChapter"] = navItems[index + 1] }
        }
        context["addressLines"] = program.address.split(separator: "\n").map(String.init)
        if let length = program.lengthWeeks {
            context["programLength"] = view.wording.text("program_length_cover", ["weeks": view.wording.programLength(length)])
        }
        // For the printed page's running footer, as CSS strings (written with {{{ }}} inside <style>).
        context["cssRunningFooter"] = Self.cssString("\(program.displayName) · \(view.wording.text(kind.titleKey)) · \(program.edition)")
        context["cssPage"] = Self.cssString(view.wording.text("page") + " ")
        context["cssPageOf"] = Self.cssString(" " + view.wording.text("page_of") + " ")
        context.merge(LanguageChoice.switcher(languages, current: view.content.language, root: rootPrefix, file: file)) { $1 }
        return context
    }

    /// A quoted CSS string that cannot end the string or the `<style>` element it sits in.
    static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&", "\n", "\r":
                result += "\\" + String(scalar.value, radix: 16) + " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func isStaffOnly(_ chapter: Outline.Chapter) -> Bool {
        switch chapter.kind {
        case let .page(page): page.audience == .staff
        case let .section(section): section.isStaffOnly
        }
    }

    static func crisisLines(_ program: Program) -> [[String: Any]] {
        program.crisisLines.map { line in
            // "988 Suicide & Crisis Lifeline", not "988 Suicide & Crisis Lifeline: 988".
            let numberInName = line.name.contains(line.number)
            var item: [String: Any] = ["crisisName": line.name, "crisisNumber": line.number, "crisisTel": tel(line.number),
                                       "crisisShort": numberInName ? line.name : "\(line.name): \(line.number)",
                                       // Apart, so the label may wrap on a phone and the number never does.
                                       "crisisShortName": numberInName ? line.name : "\(line.name): "]
            if !numberInName { item["crisisShortNumber"] = line.number }
            // On paper "988 Suicide & Crisis Lifeline", not "988 988 Suicide & Crisis Lifeline".
            item["crisisNumberInName"] = numberInName
            item["crisisHow"] = line.how
            return item
        }
    }

    /// A `tel:` address: the digits of the number, and an extension ("555-0199 ext. 12") after a
    /// comma, which phones dial as a pause, instead of run into the number.
    static func tel(_ number: String) -> String {
        let lowered = number.lowercased()
        let marks = ["extension", "ext.", "ext", "x"]
        for mark in marks {
            guard let range = lowered.range(of: mark), lowered[..<range.lowerBound].contains(where: \.isNumber) else { continue }
            let main = String(number[..<range.lowerBound]), ext = String(number[range.upperBound...])
            let digits = ext.filter(\.isNumber)
            guard !digits.isEmpty, ext.allSatisfy({ $0.isNumber || $0 == " " || $0 == "." || $0 == ":" }) else { break }
            return "tel:" + main.filter { $0.isNumber || $0 == "+" } + "," + digits
        }
        return "tel:" + number.filter { $0.isNumber || $0 == "+" }
    }
}
