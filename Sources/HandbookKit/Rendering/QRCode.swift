import Foundation

/// The code to scan on a printed week: a QR code of the track's calendar feed address, which a
/// phone's camera opens as "subscribe to this calendar".
///
/// The codes are made by PyPI's `segno`, a pure-Python QR encoder that is well kept and
/// widely used, rather than by an encoder of our own: a QR code has error correction, masks and
/// version tables that are easy to get subtly wrong, and a wrong code fails silently on a wall.
/// segno writes SVG, which the page holds inline, so the code prints as sharp as the text.
enum QRCode {
    /// The Python program that makes the codes: one SVG on a line of its output per address in
    /// its arguments (with none, it only checks that segno is there). No XML declaration, no
    /// fixed size (the stylesheet sizes it), the standard quiet zone of 4 modules, white behind
    /// the dark modules so the quiet zone stays light on any background; never a Micro QR code,
    /// which phone cameras do not read. segno's output depends on the address alone.
    static let program = """
    import io, sys
    try:
        import segno
    except ImportError:
        sys.exit("segno is not installed")
    for address in sys.argv[1:]:
        out = io.BytesIO()
        segno.make_qr(address, error="m").save(out, kind="svg", xmldecl=False, svgns=True, nl=False,
                                               omitsize=True, svgclass=None, lineclass=None, dark="#000", light="#fff")
        print(out.getvalue().decode("utf-8"))
    """

    /// The SVG codes of `addresses`, in their order, from one run of the encoder: one Python
    /// start for every address of the build, not one each.
    static func svgs(of addresses: [String], encoder: ExternalTool) throws -> [String] {
        guard !addresses.isEmpty else { return [] }
        let lines = try encoder.run(addresses).split(separator: "\n").map(String.init)
        guard lines.count == addresses.count, lines.allSatisfy({ $0.hasPrefix("<svg ") && $0.hasSuffix("</svg>") }) else {
            throw ExternalTool.Failure(description: "segno wrote \(lines.count) lines for \(addresses.count) addresses, not one SVG each")
        }
        return lines
    }

    /// The code as the page holds it: an image with a name in the page's language, so a screen
    /// reader says what the square is; the address itself is written under it.
    static func inline(_ svg: String, name: String) -> String {
        "<svg role=\"img\" aria-label=\"\(HTML.escape(name))\"" + svg.dropFirst("<svg".count)
    }
}

extension ExternalTool {
    /// segno in the system's Python (`python3 -m pip install segno`, or Debian's `python3-segno`),
    /// run as `python3 -c <QRCode.program>`, the way Pagefind is run from PyPI's package.
    /// Looked for only by a build whose program sets `site_url`.
    public static let segno: ExternalTool? = {
        guard let python = find(["python3"]) else { return nil }
        let tool = ExternalTool(executable: python, prefixArguments: ["-c", QRCode.program])
        return (try? tool.run([])) != nil ? tool : nil
    }()
}

/// The codes of one build's printed weeks, by address: each address is encoded once however many
/// languages and copies print it, and nothing runs when the program has no `site_url`.
/// A missing or failing encoder is one warning for the build; the pages then show the address alone.
final class FeedCodes {
    private let findEncoder: () -> ExternalTool?
    /// Looked for at the first address, so a program without `site_url` never starts Python.
    private lazy var encoder: ExternalTool? = findEncoder()
    private let warningLocation: SourceLocation
    private var codes: [String: String] = [:]
    /// Addresses already tried, made or not, so a failure is neither retried nor reported twice.
    private var tried: Set<String> = []
    private let log = DiagnosticLog()
    /// The same warning twice (a missing encoder, asked again for a new address) is one.
    var warnings: [Diagnostic] { log.sorted }

    /// `warningsAt`: where the warnings point, `program.yaml`, whose `site_url` asks for the codes.
    init(warningsAt location: SourceLocation, encoder: @escaping @autoclosure () -> ExternalTool? = ExternalTool.segno) {
        findEncoder = encoder
        warningLocation = location
    }

    /// The feed address of each track of the client view `content`, when the program has a
    /// public address: what its week page will ask codes for.
    static func addresses(of content: Content) -> [String] {
        let language = content.language == content.program.language ? nil : content.language
        return content.schedule.tracks.compactMap { CalendarFeed.subscriptionAddress(content.program, track: $0.id, language: language) }
    }

    /// Encodes, in one run, every address not tried yet.
    func prepare(_ addresses: [String]) {
        var seen: Set<String> = []
        let new = addresses.filter { !tried.contains($0) && seen.insert($0).inserted }
        guard !new.isEmpty else { return }
        tried.formUnion(new)
        guard let encoder else {
            log.warning(warningLocation, "the printed weeks have no code to scan: segno is not installed",
                        hint: "python3 -m pip install segno, or on Debian apt-get install python3-segno, then build again; "
                            + "until then each printed week shows its calendar address alone")
            return
        }
        do {
            for (address, svg) in zip(new, try QRCode.svgs(of: new, encoder: encoder)) { codes[address] = svg }
        } catch {
            log.warning(warningLocation, "the printed weeks have no code to scan: \(error)",
                        hint: "check that python3 -c 'import segno' works, then build again")
        }
    }

    /// The code of `address` as SVG; nil when it could not be made.
    func svg(for address: String) -> String? {
        prepare([address])
        return codes[address]
    }
}
