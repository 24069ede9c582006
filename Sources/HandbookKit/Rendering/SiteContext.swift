/// The parts of every page's context that are the same across an output: program, navigation,
/// crisis lines.
struct SiteContext {
    let edition: Edition
    let outline: Outline
    let kind: OutputKind

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
            "nav": outline.chapters.map { chapter -> [String: Any] in
                ["navHref": "\(chapter.slug).html", "navTitle": chapter.title, "navCurrent": chapter.slug == current,
                 "navStaffOnly": Self.isStaffOnly(chapter)]
            },
            "homeCurrent": current == nil,
        ]
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
