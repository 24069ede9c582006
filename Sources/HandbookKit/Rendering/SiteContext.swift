/// The parts of every page's context that are the same across an output: program, navigation,
/// crisis lines.
struct SiteContext {
    let edition: Edition
    let outline: Outline
    let kind: OutputKind
    /// The navigation entries, made once for all pages.
    private let navItems: [[String: Any]]

    /// Above this many chapters, each page lists only its neighbours and links to the full list
    /// on the start page: a page's size, and the build's time, then grow with the page, not
    /// with the number of pages squared.
    static let fullNavigationLimit = 40
    static let neighbours = 5

    init(edition: Edition, outline: Outline, kind: OutputKind) {
        self.edition = edition
        self.outline = outline
        self.kind = kind
        navItems = outline.chapters.map { chapter -> [String: Any] in
            ["navHref": "\(chapter.slug).html", "navTitle": chapter.title, "navStaffOnly": Self.isStaffOnly(chapter)]
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

    func base(title: String, current: String?) -> [String: Any] {
        let program = edition.content.program
        var context: [String: Any] = [
            "lang": program.language,
            "pageTitle": title,
            "programName": program.name,
            "programDisplayName": program.displayName,
            "edition": program.edition,
            "editionDate": program.editionDate.description,
            "outputTitle": kind.title,
            "isManual": kind == .manual,
            "mainPhone": program.phone,
            "mainPhoneTel": Self.tel(program.phone),
            "crisisLines": Self.crisisLines(program),
            "homeCurrent": current == nil,
        ]
        let index = current.flatMap(outline.index(of:))
        context["nav"] = navigation(current: index)
        if navItems.count > Self.fullNavigationLimit { context["navShortened"] = outline.chapters.count }
        if let index {
            if index > 0 { context["previousChapter"] = navItems[index - 1] }
            if index + 1 < navItems.count { context["nextChapter"] = navItems[index + 1] }
        }
        context["addressLines"] = program.address.split(separator: "\n").map(String.init)
        // For the printed page's running footer, as a CSS string (written with {{{ }}} inside <style>).
        context["cssRunningFooter"] = Self.cssString("\(program.displayName) · \(kind.title) · \(program.edition)")
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
            var item: [String: Any] = ["crisisName": line.name, "crisisNumber": line.number, "crisisTel": tel(line.number),
                                       // "988 Suicide & Crisis Lifeline", not "988 Suicide & Crisis Lifeline: 988".
                                       "crisisShort": line.name.contains(line.number) ? line.name : "\(line.name): \(line.number)"]
            item["crisisHow"] = line.how
            return item
        }
    }

    /// A `tel:` address: digits and a leading plus only.
    static func tel(_ number: String) -> String {
        "tel:" + number.filter { $0.isNumber || $0 == "+" }
    }
}
