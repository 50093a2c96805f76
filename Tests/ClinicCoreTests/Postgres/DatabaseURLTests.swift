import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `database_url`: the forms it takes, where it comes from, and what it refuses.
@Suite struct DatabaseURLTests {
    @Test(arguments: [
        ("sqlite:clinic.sqlite", DatabaseURL.sqlite(path: "clinic.sqlite")),
        ("sqlite:///var/lib/clinic/clinic.sqlite", .sqlite(path: "/var/lib/clinic/clinic.sqlite")),
        ("postgres://clinic:secret@db.example.org:5432/clinic", .postgres(conninfo: "postgres://clinic:secret@db.example.org:5432/clinic")),
        (
            "postgresql://clinic@db1:5432,db2:5432/clinic?target_session_attrs=read-write",
            .postgres(conninfo: "postgresql://clinic@db1:5432,db2:5432/clinic?target_session_attrs=read-write")
        ),
        (
            "host=db1,db2 port=5432,5433 dbname=clinic target_session_attrs=read-write",
            .postgres(conninfo: "host=db1,db2 port=5432,5433 dbname=clinic target_session_attrs=read-write")
        ),
    ])
    func everyFormParses(_ text: String, _ expected: DatabaseURL) throws {
        #expect(try DatabaseURL(parsing: text) == expected)
    }

    @Test(arguments: ["mysql://db/clinic", "clinic.sqlite", "sqlite:", "host=db1 nonsense_key=1", "postgres://db/clinic?bogus=1"])
    func otherTextIsInvalidInput(_ text: String) {
        let error = #expect(throws: ClinicError.self) { try DatabaseURL(parsing: text) }
        #expect(error?.code == .invalidInput)
    }

    @Test func passwordsAreRedactedWhereTheURLIsShown() throws {
        #expect(try DatabaseURL(parsing: "postgres://clinic:s3cret@db:5432/clinic").redacted == "postgres://clinic:***@db:5432/clinic")
        #expect(try DatabaseURL(parsing: "host=db password=s3cret dbname=clinic").redacted == "host=db password=*** dbname=clinic")
    }

    @Test func theURLComesFromTheFileTheEnvironmentOrTheFlagAndSqliteIsTheSameAsDb() throws {
        let folder = try TemporaryDirectory(prefix: "database-url")
        let empty = folder.path("empty.toml")
        try "".write(toFile: empty, atomically: true, encoding: .utf8)
        // Environment: CLINIC_DATABASE_URL names PostgreSQL; the flag --database-url sqlite:… beats it
        let env = ["CLINIC_DATABASE_URL": "postgres://clinic@db/clinic"]
        var config = try ConfigLoader.load(flags: .init(configPath: empty), environment: env)
        #expect(config.database == .postgres(conninfo: "postgres://clinic@db/clinic"))
        config = try ConfigLoader.load(flags: .init(configPath: empty, databaseURL: "sqlite:x.sqlite"), environment: env)
        #expect(config.database == .sqlite(path: "x.sqlite"))
        #expect(config.databasePath == "x.sqlite")
        // --db beats the environment's URL too
        config = try ConfigLoader.load(flags: .init(configPath: empty, databasePath: "y.sqlite"), environment: env)
        #expect(config.database == .sqlite(path: "y.sqlite"))
        // Both in one layer is a mistake
        let both = #expect(throws: ClinicError.self) {
            try ConfigLoader.load(flags: .init(configPath: empty, databasePath: "y.sqlite", databaseURL: "sqlite:z"), environment: [:])
        }
        #expect(both?.message == "give --db or --database-url, not both")
        // A file may name the URL too
        let file = folder.path("clinic.toml")
        try "database_url = \"postgresql://clinic@db1,db2/clinic?target_session_attrs=read-write\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        config = try ConfigLoader.load(flags: .init(configPath: file), environment: [:])
        #expect(config.database == .postgres(conninfo: "postgresql://clinic@db1,db2/clinic?target_session_attrs=read-write"))
        try "database = \"a.sqlite\"\ndatabase_url = \"sqlite:b.sqlite\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ClinicError.self) { try ConfigLoader.load(flags: .init(configPath: file), environment: [:]) }
    }
}
