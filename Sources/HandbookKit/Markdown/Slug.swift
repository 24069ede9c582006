import Foundation

/// Turns a heading or title into an address fragment: "Calling in!" → "calling-in".
public enum Slug {
    public static func make(_ text: String) -> String {
        // Fold accents so Spanish headings give readable ids: "¿Qué pasa?" → "que-pasa".
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "/" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
