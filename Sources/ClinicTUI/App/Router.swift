import ClinicCore

/// Where each front end starts and where a signed-in person lands.
enum Router {
    /// The first screen: the kiosk's welcome, the staff terminal's sign-in.
    static func root(_ context: AppContext) -> any ScreenModel {
        switch context.mode {
        case .kiosk: return WelcomeModel(context)
        case .staff: return SignInModel(context)
        }
    }

    /// Whether this front end lets the role in, and why not.
    static func refusal(for role: Role, in mode: AppMode) -> String? {
        switch (mode, role) {
        case (.kiosk, .patient), (.staff, .doctor), (.staff, .receptionist), (.staff, .admin): return nil
        case (.kiosk, _): return "this kiosk is for patients; staff sign in at the staff terminal (clinic)"
        case (.staff, .patient): return "patients use the kiosk (clinic kiosk) to book and see their appointments"
        }
    }

    /// The home screen of a signed-in account.
    static func home(_ context: AppContext, _ account: Account) -> any ScreenModel {
        switch account.role {
        case .patient: return PatientHomeModel(context)
        case .doctor: return DoctorDayModel(context)
        case .receptionist: return BoardModel(context)
        case .admin: return AdminHomeModel(context)
        }
    }
}
