import GRDB

/// The schema. A migration is never edited once it has shipped: add a new one.
enum ClinicMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: foundationSQL)
        }
        migrator.registerMigration("v2-scheduler") { db in
            try db.execute(sql: schedulerSQL)
        }
        migrator.registerMigration("v3-webhook") { db in
            try db.execute(sql: webhookSQL)
        }
        migrator.registerMigration("v4-patient-search") { db in
            try patientSearch(db)
        }
        migrator.registerMigration("v5-appointment-notes") { db in
            try db.execute(sql: notesSQL)
        }
        migrator.registerMigration("v6-drop-unread-indexes") { db in
            try db.execute(sql: dropUnreadIndexesSQL)
        }
        migrator.registerMigration("v7-kiosk-lock") { db in
            try db.execute(sql: kioskLockSQL)
        }
        migrator.registerMigration("v8-outbox-interrupted") { db in
            try db.execute(sql: interruptedSQL)
        }
        migrator.registerMigration("v9-api") { db in
            try db.execute(sql: apiSQL)
        }
        migrator.registerMigration("v10-outbox-checked-in") { db in
            try db.execute(sql: outboxCheckedInSQL)
        }
        migrator.registerMigration("v11-people") { db in
            try db.execute(sql: peopleSQL)
        }
        migrator.registerMigration("v12-closures-and-limits") { db in
            try db.execute(sql: closuresSQL)
            try db.execute(sql: bookingLimitsSQL)
            try db.execute(sql: scheduleEventsSQL)
        }
        migrator.registerMigration("v13-outbox-booking") { db in
            try db.execute(sql: outboxBookingSQL)
        }
        migrator.registerMigration("v14-sms-handled") { db in
            try db.execute(sql: smsHandledSQL)
        }
        migrator.registerMigration("v15-outbox-desk-kinds") { db in
            try db.execute(sql: outboxDeskKindsSQL)
        }
        migrator.registerMigration("v16-password-reset") { db in
            try db.execute(sql: passwordResetSQL)
        }
        migrator.registerMigration("v17-waitlist") { db in
            try waitlist(db)
        }
        return migrator
    }

    private static var foundationSQL: String {
        """
        CREATE TABLE clinic_settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            timezone TEXT NOT NULL,
            reminder_lead_minutes INTEGER NOT NULL CHECK (reminder_lead_minutes BETWEEN 0 AND 10080),
            no_show_grace_minutes INTEGER NOT NULL CHECK (no_show_grace_minutes BETWEEN 0 AND 1440)
        );

        CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('patient','doctor','receptionist','admin')),
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
            email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
            phone TEXT NOT NULL UNIQUE CHECK (phone GLOB '+[1-9][0-9]*' AND length(phone) BETWEEN 8 AND 16),
            password_hash TEXT,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX account_role ON account(role, name);

        CREATE TABLE doctor_profile (
            account_id INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
            specialization TEXT NOT NULL CHECK (length(specialization) BETWEEN 1 AND 100),
            slot_minutes INTEGER NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 5 AND 480)
        );
        CREATE INDEX doctor_specialization ON doctor_profile(specialization);

        CREATE TABLE weekly_hours (
            id INTEGER PRIMARY KEY,
            doctor_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
            CHECK (start_minute < end_minute)
        );
        CREATE INDEX weekly_hours_doctor ON weekly_hours(doctor_id, weekday, start_minute);

        CREATE TABLE time_off (
            id INTEGER PRIMARY KEY,
            doctor_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            CHECK (start_at < end_at)
        );
        CREATE INDEX time_off_doctor ON time_off(doctor_id, end_at);

        CREATE TABLE patient_profile (
            account_id INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
            birth_date TEXT,
            age INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 150),
            gender TEXT,
            notes TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE appointment (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (length(code) = 6),
            doctor_id INTEGER NOT NULL REFERENCES account(id),
            patient_id INTEGER NOT NULL REFERENCES account(id),
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('scheduled','confirmed','checked_in','completed','cancelled','no_show')),
            reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
            created_by INTEGER REFERENCES account(id),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            CHECK (start_at < end_at)
        );
        CREATE UNIQUE INDEX appointment_active_slot ON appointment(doctor_id, start_at)
            WHERE status IN ('scheduled','confirmed','checked_in');
        CREATE INDEX appointment_doctor_start ON appointment(doctor_id, start_at, status);
        CREATE INDEX appointment_patient_start ON appointment(patient_id, start_at, end_at, status);
        CREATE INDEX appointment_start ON appointment(start_at, status);

        CREATE TABLE appointment_event (
            id INTEGER PRIMARY KEY,
            appointment_id INTEGER NOT NULL REFERENCES appointment(id) ON DELETE CASCADE,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES account(id),
            actor_role TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            via TEXT NOT NULL CHECK (via IN ('tui','kiosk','sms','scheduler','cli')),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX appointment_event_appointment ON appointment_event(appointment_id, id);

        -- Bumped by triggers whenever anything slots depend on changes, so every
        -- process can cache a doctor's slot calculator and know when it is stale.
        CREATE TABLE schedule_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO schedule_state (id, version) VALUES (1, 0);
        \(scheduleTriggers)
        """
    }

    private static var scheduleTriggers: String {
        ["weekly_hours", "time_off", "doctor_profile", "clinic_settings"].flatMap { table in
            ["INSERT", "UPDATE", "DELETE"].map { event in
                """
                CREATE TRIGGER \(table)_\(event.lowercased())_bumps_schedule AFTER \(event) ON \(table)
                BEGIN UPDATE schedule_state SET version = version + 1 WHERE id = 1; END;
                """
            }
        }.joined(separator: "\n")
    }
}
