// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Handbook",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "HandbookKit", targets: ["HandbookKit"]),
        .executable(name: "handbook", targets: ["handbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // swift-mustache 2.1.1 with fast paths for plain values: see Vendor/swift-mustache/README.md.
        .package(path: "Vendor/swift-mustache"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // SHA-256 for the fingerprint of an edition's client text; Hummingbird builds it already.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // libcmark-gfm and its GFM extensions, from Debian's libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev. Only Sources/HandbookKit/Markdown imports it.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "HandbookKit",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedDefaults"]
        ),
        // Templates/ and Profiles/ are built into the binary: a program folder anywhere builds
        // with the tool alone; so is Starter/, the program `handbook init` writes. The plugin
        // runs embed-files at build time.
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedDefaults", capability: .buildTool(), dependencies: ["embed-files"]),
        // The live preview (`handbook serve`): kept apart so the library builds without a web server.
        .target(
            name: "HandbookServer",
            dependencies: [
                "HandbookKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookKit",
                "HandbookServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HandbookKitTests",
            dependencies: ["HandbookKit", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HandbookServerTests",
            dependencies: ["HandbookServer", "HandbookKit"]
        ),
    ]
)
