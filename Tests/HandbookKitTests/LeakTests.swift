import Foundation
import XCTest
@testable import HandbookKit

/// Staff-only content must never reach a client-facing file. A program in which every staff-only
/// item holds a unique marker is built; no marker may occur in any byte of any client-facing file,
/// and every marker must occur in the staff manual (so the test cannot pass by dropping content).
final class LeakTests: XCTestCase {
    static let markers = [
        "LEAK-PAGE-TITLE", "LEAK-PAGE-SUMMARY", "LEAK-PAGE-BODY", "leak-page-slug",
        "LEAK-BLOCK-PAGE", "LEAK-BLOCK-LIST", "LEAK-BLOCK-TILDE",
        "LEAK-RULE-NOTE", "LEAK-RULE-TEXT-BLOCK", "LEAK-RULE-TITLE", "LEAK-RULE-TEXT",
        "LEAK-FAQ-Q", "LEAK-FAQ-A", "LEAK-FAQ-BLOCK",
        "LEAK-GUIDE-OBJ", "LEAK-GUIDE-MAT", "LEAK-GUIDE-PLAN", "LEAK-TOPIC-TITLE", "LEAK-TOPIC-SUMMARY", "LEAK-TOPIC-BLOCK",
        "555-0177", "leak-email@example.org", "LEAK-STAFF-NOTES", "Leakmarkname", "LEAK-HIDDEN-PERSON", "LEAK-HIDDEN-ROLE",
        "LEAK-SESSION-NOTE", "LEAK-INTRO-BLOCK", "leak-image.png", "LEAK-CHANGE-REASON", "LEAK-EXTRA-NOTE",
    ]

    static func leakyProgram() -> ProgramFixture {
        var fixture = ProgramFixture()
        fixture.files["program.yaml"]! += """

        sections:
          rules:
            intro: |
              Our rules.

              ```staff
              LEAK-INTRO-BLOCK
              ```
        """
        fixture.files["rules.yaml"] = """
        rules:
          - id: be-kind
            title: Be kind
            text: |
              Treat everyone with respect.

              ```staff
              LEAK-RULE-TEXT-BLOCK
              ```
            staff_note: LEAK-RULE-NOTE, see [the procedure](leak-page-slug.md).
          - id: internal
            title: LEAK-RULE-TITLE
            text: LEAK-RULE-TEXT
            audience: staff
        """
        fixture.files["faq.yaml"] = """
        questions:
          - question: How long is the program?
            answer: |
              About ten weeks.

              ```staff
              LEAK-FAQ-BLOCK
              ```
          - question: LEAK-FAQ-Q
            answer: LEAK-FAQ-A
            audience: staff
        """
        fixture.files["topics.yaml"] = """
        topics:
          - id: triggers
            title: Triggers
            summary: |
              What sets off cravings.

              ```staff
              LEAK-TOPIC-BLOCK
              ```
            guide:
              objectives: [LEAK-GUIDE-OBJ]
              materials: [LEAK-GUIDE-MAT]
              plan: LEAK-GUIDE-PLAN
          - id: sleep
            title: Sleep
            summary: Why rest helps.
          - id: internal-topic
            title: LEAK-TOPIC-TITLE
            summary: LEAK-TOPIC-SUMMARY
            audience: staff
        """
        fixture.files["staff.yaml"] = """
        staff:
          - id: ana-ruiz
            name: Ana Leakmarkname
            display_name: Ana R.
            role: Counselor
            phone: 555-0177
            email: leak-email@example.org
            notes: LEAK-STAFF-NOTES
          - id: hidden-person
            name: LEAK-HIDDEN-PERSON
            role: LEAK-HIDDEN-ROLE
            audience: staff
        """
        fixture.files["schedule.yaml"] = """
        rooms:
          - id: room-a
            name: Room A
            capacity: 12
        series:
          - id: core
            starts: 2026-01-05
            topics: [triggers, sleep]
        tracks:
          - id: day
            name: Day track
            capacity: 10
            sessions:
              - id: day-group
                days: [Monday, Wednesday, Friday]
                start: "9:00 AM"
                end: "12:00 PM"
                title: Group
                room: room-a
                facilitator: ana-ruiz
                series: core
                note: LEAK-SESSION-NOTE
              - id: day-check-in
                days: Tuesday
                start: "9:00 AM"
                end: "10:00 AM"
                title: Check-in
                facilitator: hidden-person
        changes:
          - date: 2026-01-07
            session: day-group
            substitute: hidden-person
            reason: Another counselor leads group.
            staff_reason: LEAK-CHANGE-REASON
        extra_sessions:
          - date: 2026-01-06
            track: day
            start: "1:00 PM"
            end: "2:00 PM"
            title: Extra
            facilitator: hidden-person
            note: LEAK-EXTRA-NOTE
        """
        fixture.files["images/leak-image.png"] = "staff picture"
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        Welcome.

        ```staff
        LEAK-BLOCK-PAGE: see the [procedure](leak-page-slug.md) and ![exits](images/leak-image.png)
        ```

        - A list item

          ~~~ staff
          LEAK-BLOCK-LIST
          ~~~

        > Quote
        >
        > ~~~~Staff
        > LEAK-BLOCK-TILDE
        > ~~~~
        """
        fixture.files["pages/leak-page-slug.md"] = """
        ---
        title: LEAK-PAGE-TITLE
        summary: LEAK-PAGE-SUMMARY
        audience: staff
        ---
        LEAK-PAGE-BODY
        """
        return fixture
    }

    /// Every file of a folder as bytes.
    static func files(under folder: String) -> [(String, Data)] {
        snapshot(folder).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    static func leaks(in folder: String) -> [String] {
        var found: [String] = []
        for (path, data) in files(under: folder) {
            for marker in markers where data.range(of: Data(marker.utf8)) != nil {
                found.append("\(marker) in \(path)")
            }
        }
        return found
    }

    func testNoStaffOnlyMarkerReachesAnyClientFile() throws {
        // The build writes the week of 2026-01-07, which holds the dated change and extra session.
        let output = try build(Self.leakyProgram(), today: "2026-01-07")
        for clientFolder in ["/handbook", "/schedule"] {
            XCTAssertEqual(Self.leaks(in: output + clientFolder), [])
            XCTAssertFalse(Self.files(under: output + clientFolder).isEmpty)
        }

        let manual = Self.files(under: output + "/manual")
        for marker in Self.markers {
            XCTAssertTrue(manual.contains { $0.1.range(of: Data(marker.utf8)) != nil }, "\(marker) missing from the manual")
        }
    }

    /// Markers in every staff-only place of a Spanish translation of the leaky program.
    static let translatedMarkers = [
        "FUGA-INTRO-BLOCK", "FUGA-RULE-TEXT-BLOCK", "FUGA-RULE-NOTE", "FUGA-RULE-TITLE", "FUGA-RULE-TEXT",
        "FUGA-FAQ-BLOCK", "FUGA-FAQ-Q", "FUGA-FAQ-A", "FUGA-TOPIC-BLOCK", "FUGA-GUIDE-PLAN", "FUGA-TOPIC-TITLE",
        "FUGA-TOPIC-SUMMARY", "FUGA-GUIDE-OBJ", "FUGA-GUIDE-MAT", "FUGA-STAFF-NOTES", "FUGA-HIDDEN-ROLE",
        "FUGA-SESSION-NOTE", "FUGA-CHANGE-REASON", "FUGA-EXTRA-NOTE", "FUGA-BLOCK-PAGE", "FUGA-PAGE-TITLE",
        "FUGA-PAGE-SUMMARY", "FUGA-PAGE-BODY",
    ]

    static func leakyProgramInSpanish() -> ProgramFixture {
        var fixture = leakyProgram()
        fixture.files["program.yaml"]! += "\ntranslations: [es]\n"
        let es = "translations/es/"
        fixture.files[es + "program.yaml"] = """
        sections:
          rules:
            intro: |
              Nuestras reglas.

              ```staff
              FUGA-INTRO-BLOCK
              ```
        """
        fixture.files[es + "rules.yaml"] = """
        rules:
          - id: be-kind
            title: Sea amable
            text: |
              Trate a todos con respeto.

              ```staff
              FUGA-RULE-TEXT-BLOCK
              ```
            staff_note: FUGA-RULE-NOTE, vea [el procedimiento](leak-page-slug.md).
          - id: internal
            title: FUGA-RULE-TITLE
            text: FUGA-RULE-TEXT
        """
        fixture.files[es + "faq.yaml"] = """
        questions:
          - id: how-long-is-the-program
            question: ¿Cuánto dura el programa?
            answer: |
              Unas diez semanas.

              ```staff
              FUGA-FAQ-BLOCK
              ```
          - id: leak-faq-q
            question: FUGA-FAQ-Q
            answer: FUGA-FAQ-A
        """
        fixture.files[es + "topics.yaml"] = """
        topics:
          - id: triggers
            title: Detonantes
            summary: |
              Qué despierta las ganas.

              ```staff
              FUGA-TOPIC-BLOCK
              ```
            guide:
              plan: FUGA-GUIDE-PLAN
          - id: sleep
            title: Dormir
            summary: Por qué ayuda descansar.
          - id: internal-topic
            title: FUGA-TOPIC-TITLE
            summary: FUGA-TOPIC-SUMMARY
        """
        fixture.files[es + "phrases.yaml"] = """
        phrases:
          - {en: LEAK-GUIDE-OBJ, es: FUGA-GUIDE-OBJ}
          - {en: LEAK-GUIDE-MAT, es: FUGA-GUIDE-MAT}
          - {en: LEAK-STAFF-NOTES, es: FUGA-STAFF-NOTES}
          - {en: LEAK-HIDDEN-ROLE, es: FUGA-HIDDEN-ROLE}
          - {en: LEAK-SESSION-NOTE, es: FUGA-SESSION-NOTE}
          - {en: LEAK-CHANGE-REASON, es: FUGA-CHANGE-REASON}
          - {en: LEAK-EXTRA-NOTE, es: FUGA-EXTRA-NOTE}
          - {en: Counselor, es: Consejera}
          - {en: Day track, es: Turno de día}
        """
        fixture.files[es + "pages/welcome.md"] = """
        ---
        title: Bienvenida
        ---
        Bienvenido.

        ```staff
        FUGA-BLOCK-PAGE: vea el [procedimiento](leak-page-slug.md)
        ```
        """
        fixture.files[es + "pages/leak-page-slug.md"] = """
        ---
        title: FUGA-PAGE-TITLE
        summary: FUGA-PAGE-SUMMARY
        ---
        FUGA-PAGE-BODY
        """
        return fixture
    }

    /// Translations follow the audience of their original: no staff-only Spanish reaches any
    /// client file in any language, and all of it is in the Spanish manual.
    func testNoStaffOnlyTranslationReachesAnyClientFile() throws {
        let output = try build(Self.leakyProgramInSpanish(), today: "2026-01-07")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/handbook/es/welcome.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/schedule/2026-W02/es/index.html"))
        for clientFolder in ["/handbook", "/schedule"] {
            XCTAssertEqual(Self.leaks(in: output + clientFolder), [], "no English staff-only text in any language")
            for (path, data) in Self.files(under: output + clientFolder) {
                for marker in Self.translatedMarkers where data.range(of: Data(marker.utf8)) != nil {
                    XCTFail("\(marker) in \(clientFolder)/\(path)")
                }
            }
        }
        let manual = Self.files(under: output + "/manual") // manual/es/ and the staff week's es/
        for marker in Self.translatedMarkers {
            XCTAssertTrue(manual.contains { $0.1.range(of: Data(marker.utf8)) != nil }, "\(marker) missing from the Spanish manual")
        }
    }

    /// Pagefind's index files are gzip-compressed: search them decompressed.
    static func decompressed(_ data: Data) -> Data {
        guard data.starts(with: [0x1F, 0x8B]) else { return data }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return data }
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result.isEmpty ? data : result
    }

    func testTheHandbookSearchIndexHoldsNoStaffOnlyContent() throws {
        guard ExternalTool.pagefind != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("pagefind-bin is missing in CI") }
            throw XCTSkip("python3 -m pip install pagefind-bin to run this test")
        }
        // In both languages: one index per language in the same folder.
        let output = try build(Self.leakyProgramInSpanish(), search: true)
        func index(_ output: String) -> [(String, Data)] {
            Self.files(under: output + "/pagefind").map { ($0.0, Self.decompressed($0.1)) }
        }
        let handbookIndex = index(output + "/handbook")
        XCTAssertTrue(handbookIndex.contains { $0.0.hasSuffix(".pf_fragment") }, "the handbook has a search index")
        XCTAssertTrue(handbookIndex.contains { $0.1.range(of: Data("cravings".utf8)) != nil }, "decompression works: client words are found")
        for (path, data) in handbookIndex {
            for marker in Self.markers + Self.translatedMarkers
            where data.range(of: Data(marker.utf8)) != nil || data.range(of: Data(marker.lowercased().utf8)) != nil {
                XCTFail("\(marker) in handbook/pagefind/\(path)")
            }
        }
        let manualIndex = index(output + "/manual")
        XCTAssertTrue(manualIndex.contains { $0.1.range(of: Data("LEAK-PAGE-BODY".utf8)) != nil }, "the manual's index holds staff pages")
        XCTAssertTrue(handbookIndex.contains { $0.0.hasPrefix("index/es_") }, "the handbook has a Spanish index")
        XCTAssertTrue(manualIndex.contains { $0.1.range(of: Data("FUGA-PAGE-BODY".utf8)) != nil }, "the manual's index holds Spanish staff pages")
    }

    func testCapacitiesAndFacilitatorsOfStaffOnlyPeopleStayInTheManual() throws {
        let output = try build(Self.leakyProgram())
        let handbook = try read(output + "/handbook/schedule.html")
        XCTAssertFalse(handbook.contains("At most"), "group capacity is staff-only")
        XCTAssertTrue(try read(output + "/manual/schedule.html").contains("At most 10 clients"))
    }

    func testTheHandbookNeverNamesOrLoadsTheManual() throws {
        let output = try build(Self.leakyProgram())
        for (path, data) in Self.files(under: output + "/handbook") {
            XCTAssertNil(data.range(of: Data("manual".utf8)), "handbook/\(path) mentions the manual")
        }
    }

    func testStaffOnlyContentIsVisiblyMarkedInTheManual() throws {
        let output = try build(Self.leakyProgram())
        let rules = try read(output + "/manual/rules.html")
        XCTAssertTrue(rules.contains("<aside class=\"staff-only\"><p class=\"staff-only-label\">Staff only: enforcement</p>"))
        XCTAssertTrue(rules.contains("<section class=\"rule staff-only\" id=\"internal\">"))
        let page = try read(output + "/manual/leak-page-slug.html")
        XCTAssertTrue(page.contains("Staff only: this page is not in the client handbook."))
        XCTAssertTrue(try read(output + "/manual/staff-directory.html").contains("Ana Leakmarkname"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/handbook/staff-directory.html"))
    }

    func testAClientPageLinkingToAStaffPageIsAnError() throws {
        var fixture = Self.leakyProgram()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nSee [this](leak-page-slug.md).\n"
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains("'leak-page-slug.md' links to a staff-only page, which clients cannot see"), "\(messages)")
        }
    }
}

/// The sample program's own staff-only sentences, found from its data, never reach the handbook.
final class SampleLeakTests: XCTestCase {
    /// Text as a reader sees it: tags removed, common entities decoded, whitespace collapsed.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every staff-only sentence of the sample program, as plain text.
    static func staffOnlySentences(_ content: Content) -> [String] {
        var markdown: [MarkdownSource] = []
        var plain: [String] = []
        for rule in content.rules {
            markdown += [rule.staffNote].compactMap { $0 }
            if rule.audience == .staff { plain.append(rule.title); markdown.append(rule.text) }
        }
        for topic in content.topics {
            plain += (topic.guide?.objectives ?? []) + (topic.guide?.materials ?? [])
            markdown += [topic.guide?.plan].compactMap { $0 }
        }
        for entry in content.faq where entry.audience == .staff { plain.append(entry.question); markdown.append(entry.answer) }
        for member in content.staff {
            plain += [member.phone, member.email, member.notes].compactMap { $0 }
            if member.audience == .staff { plain.append(member.name) }
        }
        plain += content.schedule.tracks.flatMap { $0.sessions.compactMap(\.note) }
        for page in content.pages {
            if page.audience == .staff {
                markdown.append(page.body)
            } else {
                // The staff blocks of client pages: what the staff edition has and the client one lacks.
                let staff = MarkdownDocument(page.body, audience: .staff).plainText.split(separator: "\n").map(String.init)
                let client = Set(MarkdownDocument(StaffBlocks.removing(from: page.body), audience: .everyone).plainText
                    .split(separator: "\n").map(String.init))
                plain += staff.filter { !client.contains($0) && $0 != "Staff only" && $0 != "Solo personal" }
            }
        }
        plain += markdown.flatMap { MarkdownDocument($0, audience: .staff).plainText.split(separator: "\n").map(String.init) }
        return plain.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { $0.count >= 12 }
    }

    func testSampleStaffSentencesAreInTheManualOnly() throws {
        let log = DiagnosticLog()
        let content = try XCTUnwrap(ContentLoader(directory: sampleContent).load(log: log))
        let spanish = Localizer(language: "es", translation: content.translations.first { $0.language == "es" },
                                defaultLanguage: "en", log: log)
        let spanishSentences = Self.staffOnlySentences(spanish.localize(content, at: content.program.location))
        let sentences = Self.staffOnlySentences(content)
        XCTAssertGreaterThan(sentences.count, 100, "the sample program should have real staff content")
        XCTAssertGreaterThan(spanishSentences.count, 100, "and in Spanish")

        let output = try temporaryFolder(self) + "/Public"
        _ = try Handbook.build(Handbook.Options(contentDirectory: sampleContent, templatesDirectory: defaultTemplates,
                                                outputDirectory: output))
        func allText(_ folder: String) -> String {
            LeakTests.files(under: folder).map { Self.visibleText(String(decoding: $0.1, as: UTF8.self)) }.joined(separator: "\n")
        }
        let handbook = allText(output + "/handbook")
        let manual = allText(output + "/manual")
        for sentence in sentences {
            XCTAssertFalse(handbook.contains(sentence), "staff-only text in the handbook: \(sentence)")
            XCTAssertTrue(manual.contains(sentence), "staff-only text missing from the manual: \(sentence)")
        }
        let spanishManual = allText(output + "/manual/es")
        for sentence in spanishSentences {
            XCTAssertFalse(handbook.contains(sentence), "Spanish staff-only text in the handbook: \(sentence)")
            XCTAssertTrue(spanishManual.contains(sentence), "Spanish staff-only text missing from the Spanish manual: \(sentence)")
        }
    }
}

/// Links that name a source file must never publish it: data files and page sources hold
/// staff-only text.
final class SourceFileLinkTests: XCTestCase {
    func testLinksToDataFilesAndPageSourcesAreErrorsNotCopies() throws {
        var fixture = LeakTests.leakyProgram()
        fixture.files["pages/welcome.md"] = """
        ---
        title: Welcome
        ---
        See [the rules file](rules.yaml), [the program](./program.yaml) and [a page source](pages/leak-page-slug.md).
        """
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains("'rules.yaml' is not a picture or a document the handbook can publish"), "\(messages)")
            XCTAssertTrue(messages.contains("'./program.yaml' is not a picture or a document the handbook can publish"), "\(messages)")
            XCTAssertTrue(messages.contains("'pages/leak-page-slug.md' links to a staff-only page, which clients cannot see"), "\(messages)")
        }
    }

    func testAClientLinkToAStaffOnlyRuleSaysSo() throws {
        var fixture = LeakTests.leakyProgram()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nSee [this rule](rules.md#internal).\n"
        XCTAssertThrowsError(try build(fixture)) { error in
            let messages = ((error as? DiagnosticsError)?.diagnostics ?? []).map(\.message)
            XCTAssertTrue(messages.contains("'rules.md#internal' links to a staff-only part of 'Program rules', which clients cannot see"), "\(messages)")
        }
    }

    func testRuleNumbersAreTheSameInTheHandbookAndTheManual() throws {
        var fixture = LeakTests.leakyProgram()
        fixture.files["rules.yaml"] = """
        rules:
          - id: first
            title: First
            text: One.
          - id: internal
            title: Internal
            text: Staff.
            audience: staff
          - id: second
            title: Second
            text: Two.
        """
        let output = try build(fixture)
        XCTAssertTrue(try read(output + "/handbook/rules.html").contains("<h2>2. Second</h2>"))
        let manual = try read(output + "/manual/rules.html")
        XCTAssertTrue(manual.contains("<h2>2. Second</h2>"))
        XCTAssertTrue(manual.contains("<h2>Internal</h2>"))
    }

    func testAnUnclosedStaffBlockIsAWarning() throws {
        var fixture = ProgramFixture()
        fixture.files["pages/welcome.md"] = "---\ntitle: Welcome\n---\nHello.\n\n```staff\nNever closed.\n\nMore text.\n"
        let folder = try temporaryFolder(self)
        let content = try fixture.write(into: folder)
        let prepared = try Handbook.prepare(Handbook.Options(contentDirectory: content, templatesDirectory: defaultTemplates))
        let warning = try XCTUnwrap(prepared.diagnostics.first { $0.message.contains("never closed") })
        XCTAssertEqual(warning.location.line, 6)
        XCTAssertFalse(prepared.diagnostics.contains { $0.message.contains("never closed") && $0.location.file.hasSuffix("rules.yaml") })
    }
}
