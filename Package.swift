// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "clinic",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "clinic", targets: ["clinic"]),
        .executable(name: "clinic-bench", targets: ["clinic-bench"]),
        .library(name: "ClinicCore", targets: ["ClinicCore"]),
        .library(name: "ClinicTUI", targets: ["ClinicTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "COpenSSL", path: "Sources/COpenSSL"),
        .systemLibrary(name: "CCurl", path: "Sources/CCurl"),
        .systemLibrary(name: "CSQLiteTuning", path: "Sources/CSQLiteTuning"),
        .systemLibrary(name: "CMallocTuning", path: "Sources/CMallocTuning"),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq"),
        .target(
            name: "ClinicThemes",
            path: "Themes",
            resources: [
                .copy("default.theme"), .copy("dark.theme"), .copy("high-contrast.theme"), .copy("mono.theme"),
            ]
        ),
        .target(
            name: "ClinicTUI",
            dependencies: ["ClinicCore", "ClinicThemes", "CNcursesw"]
        ),
        .target(
            name: "ClinicSeedData",
            path: "Seed",
            resources: [
                .copy("first_names.txt"), .copy("last_names.txt"),
                .copy("specializations.txt"), .copy("reasons.txt"),
            ]
        ),
        .target(
            name: "ClinicCore",
            dependencies: [
                "COpenSSL",
                "ClinicSeedData",
                "CCurl",
                "CSQLiteTuning",
                "CLibPQ",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "clinic",
            dependencies: [
                "ClinicCore",
                "ClinicTUI",
                "CMallocTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "clinic-bench",
            dependencies: [
                "ClinicCore",
                "ClinicTUI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClinicTesting",
            dependencies: [
                "ClinicCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ClinicCoreTests",
            dependencies: [
                "ClinicCore", "ClinicTesting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ClinicTUITests",
            dependencies: ["ClinicCore", "ClinicTUI", "ClinicTesting"]
        ),
        .testTarget(
            name: "ClinicCLITests",
            dependencies: ["ClinicCore", "ClinicTesting", "clinic", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "ClinicIntegrationTests",
            dependencies: ["ClinicCore", "ClinicTesting", "clinic", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
