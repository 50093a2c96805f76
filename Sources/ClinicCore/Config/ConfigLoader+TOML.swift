import TOMLKit

extension ConfigLoader {
    /// Applies a `clinic.toml` document. Unknown keys and wrong types are errors
    /// naming the file and key, so a typo never silently does nothing.
    static func apply(toml text: String, file: String, to c: inout ClinicConfig) throws {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ClinicError(.invalidInput, "\(file):\(error.source.begin.line): \(error.description)")
        }
        let reader = Reader(file: file)
        var database: (path: String?, url: String?) = (nil, nil)
        try reader.section(root, nil) { key, value in
            switch key {
            case "database": database.path = try reader.string(value, key)
            case "database_url": database.url = try reader.string(value, key)
            case "theme": c.theme = try reader.string(value, key)
            case "scheduler":
                c.scheduler = try reader.choice(value, key)
            case "log_file": c.logFile = try reader.string(value, key)
            case "scheduler_tick_seconds": c.schedulerTickSeconds = try reader.positive(value, key)
            case "scheduler_lease_seconds": c.schedulerLeaseSeconds = Int(try reader.positive(value, key).rounded(.up))
            default: return false
            }
            return true
        }
        try ConfigLoader.applyDatabase(path: database.path, url: database.url, names: ("\(file): database", "\(file): database_url"), to: &c)
        try reader.section(root, "clinic") { key, value in
            switch key {
            case "name": c.clinic.name = try reader.string(value, key)
            case "timezone": c.clinic.timeZone = try ConfigLoader.zone(try reader.string(value, key), source: "\(file): clinic.timezone")
            case "reminder_lead_minutes": c.clinic.reminderLeadMinutes = try reader.int(value, key)
            case "no_show_grace_minutes": c.clinic.noShowGraceMinutes = try reader.int(value, key)
            case "max_active_visits": c.clinic.maxActiveVisits = try reader.int(value, key)
            case "one_visit_per_doctor_day": c.clinic.onePerDoctorDay = try reader.bool(value, key)
            case "booking_notice": c.clinic.bookingNotice = try reader.bool(value, key)
            case "default_country_code": c.defaultCountryCode = try reader.string(value, key)
            default: return false
            }
            return true
        }
        try reader.section(root, "listener") { key, value in
            switch key {
            case "listen": c.listen = try reader.string(value, key)
            case "public_url": c.publicURL = try reader.string(value, key)
            case "request_timeout_seconds": c.listenerTimeoutSeconds = try reader.positive(value, key)
            default: return false
            }
            return true
        }
        try reader.section(root, "sms") { key, value in
            switch key {
            case "gateway":
                c.smsGateway = try reader.choice(value, key)
            case "timeout_seconds": c.smsTimeoutSeconds = try reader.positive(value, key)
            case "retry_base_seconds": c.smsRetryBaseSeconds = Int(try reader.positive(value, key).rounded(.up))
            case "retry_max_seconds": c.smsRetryMaxSeconds = Int(try reader.positive(value, key).rounded(.up))
            case "max_attempts": c.smsMaxAttempts = Int(try reader.positive(value, key).rounded(.up))
            default: return false
            }
            return true
        }
        try reader.section(root, "twilio") { key, value in
            switch key {
            case "account_sid": c.twilioAccountSID = try reader.string(value, key)
            case "auth_token": c.twilioAuthToken = try reader.string(value, key)
            case "from": c.twilioFrom = try reader.string(value, key)
            case "api_base": c.twilioAPIBase = try reader.string(value, key)
            default: return false
            }
            return true
        }
        try reader.section(root, "security") { key, value in
            guard key == "password_iterations" else { return false }
            let n = try reader.int(value, key)
            guard n >= 1_000 else { throw reader.error(key, "must be at least 1000") }
            c.passwordIterations = n
            return true
        }
        try reader.section(root, "api") { key, value in
            switch key {
            case "enabled": c.api.enabled = try reader.bool(value, key)
            case "cors_origins":
                guard let list = value.array, list.allSatisfy({ $0.string != nil }) else {
                    throw reader.error(key, "must be a list of origins such as [\"https://portal.example.org\"]")
                }
                c.api.corsOrigins = list.compactMap(\.string)
            case "sign_ins_per_minute": c.api.signInsPerMinute = Int(try reader.positive(value, key).rounded(.up))
            default: return false
            }
            return true
        }
        try reader.section(root, "kiosk") { key, value in
            guard key == "idle_minutes" else { return false }
            c.kioskIdleMinutes = try reader.int(value, key)
            return true
        }
        for key in root.keys where !reader.known.contains(key) {
            throw ClinicError(.invalidInput, "\(file): unknown key '\(key)'")
        }
    }

    /// Walks one table, tracking which keys were understood.
    private final class Reader {
        let file: String
        var known: Set<String> = []
        var prefix = ""

        init(file: String) { self.file = file }

        func section(_ root: TOMLTable, _ name: String?, _ handle: (String, TOMLValueConvertible) throws -> Bool) throws {
            let table: TOMLTable
            if let name {
                known.insert(name)
                guard let value = root[name] else { return }
                guard let t = value.table else { throw ClinicError(.invalidInput, "\(file): '\(name)' must be a table [\(name)]") }
                table = t
                prefix = name + "."
            } else {
                table = root
                prefix = ""
            }
            for key in table.keys {
                guard let value = table[key] else { continue }
                if name == nil, value.table != nil { continue }  // sections are read on their own
                if try handle(key, value) {
                    if name == nil { known.insert(key) }
                } else {
                    throw ClinicError(.invalidInput, "\(file): unknown key '\(prefix)\(key)'")
                }
            }
        }

        func string(_ v: TOMLValueConvertible, _ key: String) throws -> String {
            guard let s = v.string else { throw error(key, "must be a string") }
            return s
        }

        func int(_ v: TOMLValueConvertible, _ key: String) throws -> Int {
            guard let n = v.int else { throw error(key, "must be a whole number") }
            return n
        }

        func bool(_ v: TOMLValueConvertible, _ key: String) throws -> Bool {
            guard let b = v.bool else { throw error(key, "must be true or false") }
            return b
        }

        func positive(_ v: TOMLValueConvertible, _ key: String) throws -> Double {
            guard let n = v.double ?? v.int.map(Double.init), n > 0 else { throw error(key, "must be a positive number") }
            return n
        }

        func choice<Choice: RawRepresentable & CaseIterable>(_ v: TOMLValueConvertible, _ key: String) throws -> Choice
        where Choice.RawValue == String {
            let text = try string(v, key)
            guard let choice = Choice(rawValue: text) else { throw error(key, "must be \(ConfigLoader.choices(Choice.self))") }
            return choice
        }

        func error(_ key: String, _ what: String) -> ClinicError {
            ClinicError(.invalidInput, "\(file): '\(prefix)\(key)' \(what)")
        }
    }
}
