import ClinicCore
