import Foundation

/// `handbook init`: a new program folder with every data file, an example of every field (the
/// optional ones commented out), and a few pages. It passes `handbook check` as written.
public enum ProgramScaffold {
    public struct FolderNotEmpty: Error, CustomStringConvertible {
        public var description: String
    }

    public struct InvalidName: Error, CustomStringConvertible {
        public var description: String
    }

    /// Why a program cannot be called `name`, or nil: a new folder must pass `handbook check`,
    /// which needs a name, and YAML cannot hold control characters.
    public static func problem(withName name: String) -> String? {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "the program's name cannot be empty: give it with --name, e.g. --name \"Riverside Recovery IOP\""
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the program's name cannot hold line breaks, tabs or other control characters"
        }
        return nil
    }

    /// Writes the program into `folder`, which must be new or empty.
    public static func write(to folder: String, programName: String) throws {
        if let problem = problem(withName: programName) { throw InvalidName(description: problem) }
        let fileManager = FileManager.default
        if let entries = try? fileManager.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            throw FolderNotEmpty(description: "\(folder): error: the folder is not empty (choose a new folder name; init never overwrites files)")
        }
        for (name, text) in files(programName: programName).sorted(by: { $0.key < $1.key }) {
            let path = folder + "/" + name
            try fileManager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    static func files(programName: String) -> [String: String] {
        let quotedName = "\"" + programName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let dataFiles = [
            "program.yaml": programYAML.replacingOccurrences(of: "{{NAME}}", with: quotedName),
            "rules.yaml": rulesYAML,
            "faq.yaml": faqYAML,
            "topics.yaml": topicsYAML,
            "staff.yaml": staffYAML,
            "schedule.yaml": scheduleYAML,
        ]
        var files = [
            "pages/welcome.md": welcomePage,
            "pages/your-rights.md": rightsPage,
            "pages/staff-procedures.md": staffPage,
            "templates/README.md": templatesReadme,
            // The build writes into Public/ here; it is made again by every build.
            ".gitignore": "/Public/\n",
            // VS Code offers to install the YAML extension, which reads the schema lines below.
            ".vscode/extensions.json": "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n",
        ]
        for (name, text) in dataFiles {
            files[name] = schemaLine(for: name) + text
        }
        for schema in EditorSchemas.files() {
            files["schemas/" + schema.name] = schema.text
        }
        return files
    }

    /// The first line of a data file: which schema an editor checks it against.
    static func schemaLine(for dataFile: String) -> String {
        guard let schema = EditorSchemas.schemaName(forDataFile: dataFile) else { return "" }
        let up = String(repeating: "../", count: dataFile.split(separator: "/").count - 1)
        return "# yaml-language-server: $schema=\(up)schemas/\(schema)\n"
    }

    static let header = """
    ## How to edit this file:
    ##  * Lines starting with "#" are ignored by the handbook. Lines with "##" are notes like this
    ##    one. A line with one "#" is an example: to use it, delete the "#" and the space after it.
    ##  * Indent with spaces (two per level), never with the Tab key. Keep the "-" before each item.
    ##  * Put times in quotes, like "9:00 AM". Write dates as YYYY-MM-DD.
    ##  * Long text goes after "|" on the lines below, indented. It is Markdown.
    ##  * Run "handbook check" after each change: it says the file, line and what to fix.
    ##  * Keep the first line: it lets an editor such as VS Code check this file as you type.

    """

    static let programYAML = header + """
    name: {{NAME}}                       # required: the program's full name
    # short_name: My IOP                 # shown in the page header when set
    edition: "Edition 1"                 # required: any text naming this version of the handbook
    edition_date: 2026-01-05             # required: YYYY-MM-DD
    language: en                         # the handbook's language (en, es ...)
    ## Other languages the handbook is written in. Each needs a folder
    ## translations/<language>/ with the translated texts (docs/translations.md).
    # translations: [es]
    time_zone: America/Chicago           # required: IANA name, e.g. America/New_York
    address: |                           # required: one line per address line
      100 Main Street
      Springfield
    phone: 555-0100                      # required: main phone
    after_hours_phone: 555-0199          # the on-call line for evenings and weekends
    # email: frontdesk@example.org
    # website: https://example.org
    hours:                               # office hours; days not listed are closed
      - days: Monday to Friday
        open: "8:00 AM"
        close: "5:00 PM"
    crisis_lines:                        # keep 988 and 911
      - name: 988 Suicide & Crisis Lifeline
        number: "988"
        how: Call, text or chat, 24 hours a day.
      - name: Emergency services
        number: "911"
        how: Call if someone is in danger right now.
    contacts:
      - name: Front desk
        phone: 555-0100
        purpose: Appointments, directions and general questions.
      # - name: State licensing office
        # phone: 555-0190
        # purpose: You can complain to them at any time.
        # outside: true                    # an agency outside the program
    # allow_raw_html: false              # true lets pages contain HTML; only if you trust every editor
    # reading_grade_limit: 8             # handbook check warns about client pages harder than this grade
    # sections:                          # rename or move the chapters the tool writes itself
      # rules:
        # title: Our rules
        # order: 45
        # intro: |
          # We keep these rules so that everyone is safe.
    # compliance:                        # see docs/compliance.md
      # profile: asam-2.1-adult
      # not_applicable:
        # - requirement: fees
          # reason: State-funded program; clients pay nothing.
      # state:
        # group_size_cap: 16
        # education_group_size_cap: 35
        # minimum_session_minutes: 45

    """

    static let rulesYAML = header + """
    rules:
      - id: come-sober                   # required: lowercase letters, digits and dashes
        title: Come to every session sober   # required: plain text
        category: Safety                 # optional heading-like label
        text: |                          # required: what the client must do, and why
          Do not drink or use drugs before group. Groups only work when everyone is clear-headed.
        consequence: |                   # what happens when the rule is broken
          You will be asked to go home for the day, and you will meet your counselor.
        can_lead_to_discharge: true      # breaking it can end treatment here
        staff_note: |                    # STAFF ONLY: how staff enforce the rule
          Write down what you saw and tell the clinical lead the same day.
      - id: be-on-time
        title: Be on time
        text: |
          Arrive a few minutes before group starts.
        consequence: |
          If you are late often, we will talk with you about what gets in the way.
      # - id: staff-only-rule
      #   title: A rule only staff see
      #   text: Shown in the staff manual only.
      #   audience: staff

    """

    static let faqYAML = header + """
    questions:
      - question: How long is the program?   # required
        answer: |                        # required: Markdown
          Most people take part for eight to twelve weeks.
      - id: missing-a-day                # optional: the question's anchor in faq.html
        question: What if I cannot come?
        answer: |
          Call us before your group starts at 555-0100.
      # - question: A question only staff see
      #   answer: Shown in the staff manual only.
      #   audience: staff

    """

    static let topicsYAML = header + """
    topics:
      - id: triggers                     # required
        title: Knowing your triggers     # required
        module: Foundations              # optional: groups topics into modules
        summary: |                       # required: what clients are told
          People, places and feelings that can lead to cravings, and how to plan for them.
        guide:                           # STAFF ONLY: the facilitator guide
          objectives:
            - Each client names three personal triggers.
          materials:
            - Whiteboard and markers
          plan: |
            1. Check-in (10 minutes)
            2. Teach the idea of triggers (20 minutes)
            3. Each client writes a plan (30 minutes)
          minutes: 60
      - id: sleep
        title: Sleep and recovery
        module: Foundations
        summary: |
          Why rest matters in early recovery, and simple ways to sleep better.

    """

    static let staffYAML = header + """
    staff:
      - id: alex-morgan                  # required: used by schedule.yaml
        name: Alex Morgan                # required: full name (staff manual only)
        display_name: Alex M.            # what clients see; the full name when left out
        role: Counselor                  # required
        credentials: LADC
        phone: 555-0111                  # STAFF ONLY
        email: alex@example.org          # STAFF ONLY
        notes: Leads the day track.      # STAFF ONLY
      - id: sam-lee
        name: Sam Lee
        display_name: Sam L.
        role: Peer recovery specialist
      # - id: relief-counselor
      #   name: Someone only staff see
      #   role: Relief counselor
      #   audience: staff

    """

    static let scheduleYAML = header + """
    minimum_weekly_hours: 9              # a track below this (breaks not counted) is an error
    longest_gap_minutes: 30              # a longer wait between sessions on one day is a warning
    rooms:
      - id: room-a                       # required
        name: Group Room A               # required
        capacity: 12                     # STAFF ONLY: seats
    series:                              # topics that rotate one a week
      - id: core
        name: Core curriculum
        starts: 2026-01-05               # the week of this date covers the first topic
        topics: [triggers, sleep]
    tracks:
      - id: day
        name: Day track
        description: Mornings, three days a week.
        capacity: 12                     # STAFF ONLY: most clients in a group
        sessions:
          - id: day-education            # give each session an id: changes name it
            days: [Monday, Wednesday, Friday]
            start: "9:00 AM"
            end: "10:00 AM"
            kind: education              # group, education, individual, family, break or other
            title: Recovery education
            room: room-a
            facilitator: alex-morgan
            series: core                 # the topic of the week comes from this series
          - id: day-break
            days: [Monday, Wednesday, Friday]
            start: "10:00 AM"
            end: "10:15 AM"
            kind: break
            title: Break
          - id: day-group
            days: [Monday, Wednesday, Friday]
            start: "10:15 AM"
            end: "12:15 PM"
            kind: group
            title: Process group
            room: room-a
            facilitator: alex-morgan
            note: Read the privacy reminder first.   # STAFF ONLY
    # closures:                          # days without sessions; shown on the weekly schedule
      # - date: 2026-11-26
        # until: 2026-11-27
        # reason: Thanksgiving holiday
        # tracks: [day]                  # leave out to close every track
    # changes:                           # one session on one date
      # - date: 2026-01-07               # the day the session normally meets
        # session: day-group
        # substitute: sam-lee            # or: cancelled: true, room: ..., move_to: 2026-01-08, start: "1:00 PM"
        # reason: Sam leads group this week.     # shown to clients
        # staff_reason: Alex is at training.     # STAFF ONLY
    # extra_sessions:
      # - date: 2026-01-10
        # track: day
        # start: "10:00 AM"
        # end: "11:30 AM"
        # kind: family
        # title: Family workshop

    """

    static let welcomePage = """
    ---
    title: Welcome
    order: 10
    summary: Start here.
    ---
    We are glad you are here. This handbook tells you how the program works.

    ## Where to start

    1. Read the [program rules](rules.md).
    2. Check the [weekly schedule](schedule.md).
    3. Save the numbers on the [contacts page](contacts.md).

    ```staff
    Text in a block like this one is shown in the staff manual only.
    ```

    """

    static let rightsPage = """
    ---
    title: Your rights
    order: 50
    summary: The rights every client has here.
    # covers: [rights]        ## with a compliance profile: the requirement this page meets
    ---
    ## Your rights

    - You will be treated with respect.
    - Your information is kept private.
    - You can make a complaint without losing your place.

    """

    static let staffPage = """
    ---
    title: Staff procedures
    order: 200
    audience: staff
    summary: Only in the staff manual.
    ---
    ## Opening the building

    Write staff-only procedures on pages like this one.

    """

    static let templatesReadme = """
    # Your own templates

    The handbook has its templates built in. To change one, write them all out with

        handbook templates export ../my-look

    and copy the file you want to change (for example footer.mustache) into this folder: yours
    is used instead, the built-in ones for the rest. Files in assets/ here replace or add style
    sheets. See docs/templates.md.

    """
}
