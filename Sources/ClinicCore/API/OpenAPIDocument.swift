/// The API's OpenAPI 3.1 document, served at GET /openapi.json: the one description clients and the tests check the routes against.
/// Edit the JSON here and run `scripts/check-openapi.py`, which validates it.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "clinic API",
            "version": "1.0.0",
            "description": "The clinic front desk's HTTP API v1. JSON in and out; ids are numeric strings; instants are ISO 8601 with the clinic's offset; every refusal is an Error."
          },
          "servers": [
            {
              "url": "/"
            }
          ],
          "tags": [
            {
              "name": "auth",
              "description": "Sign-up, sign-in and tokens. Rate limited per IP."
            },
            {
              "name": "users",
              "description": "Accounts, profiles and photos."
            },
            {
              "name": "appointments",
              "description": "Booking and status changes, always through the clinic's policy."
            },
            {
              "name": "slots",
              "description": "A doctor's day."
            },
            {
              "name": "day sheet",
              "description": "A local day's visits per doctor, to print, for a spreadsheet or a calendar app."
            },
            {
              "name": "stats",
              "description": "Appointments per local month or day."
            },
            {
              "name": "time",
              "description": "The server's clock."
            },
            {
              "name": "events",
              "description": "Live changes."
            },
            {
              "name": "meta",
              "description": "This document, its page and the health check."
            },
            {
              "name": "schedule",
              "description": "Doctors' time off and the clinic's closure days (a sick day, a holiday), admins."
            },
            {
              "name": "waitlist",
              "description": "Patients waiting for an earlier visit. A freed slot is offered to the first in line by SMS; TAKE <code> within 15 minutes books it (or moves a later visit)."
            },
            {
              "name": "sms",
              "description": "The desk's SMS: outgoing messages, patients' replies, retrying and handling them."
            }
          ],
          "paths": {
            "/api/v1/auth/patient/signup": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Sign up as a patient",
                "operationId": "patientSignUp",
                "description": "Anyone. 409 conflict when the email or phone is already used.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/SignUp"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The new account, signed in.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Tokens"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/patient/login": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Sign in as a patient",
                "operationId": "patientLogin",
                "description": "Anyone. `email` may be a phone number. Every refused sign-in is 401 with the same sentence; 423 when locked out.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Login"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Signed in.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Tokens"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "423": {
                    "$ref": "#/components/responses/Locked"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/doctor/login": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Sign in as a doctor",
                "operationId": "doctorLogin",
                "description": "Doctors only; any other account gets the same 401 sentence. 423 when locked out.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Login"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Signed in.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Tokens"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "423": {
                    "$ref": "#/components/responses/Locked"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/staff/login": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Sign in as a receptionist or admin",
                "operationId": "staffLogin",
                "description": "Receptionists and admins only; any other account gets the same 401 sentence. 423 when locked out.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/Login"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "Signed in.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Tokens"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "423": {
                    "$ref": "#/components/responses/Locked"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/refresh": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Rotate a refresh token",
                "operationId": "refreshTokens",
                "description": "A reused refresh token revokes its whole family.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RefreshRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "A new pair; the refresh token sent is spent.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/RefreshedTokens"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/logout": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Sign out",
                "operationId": "logout",
                "description": "Revokes the refresh token's whole family.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/RefreshRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "204": {
                    "description": "Revoked its family."
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/reset": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Ask for a password reset code by SMS",
                "operationId": "requestPasswordReset",
                "description": "Anyone. Always 202 with one sentence; a patient with a phone gets a code (10 min, 5 tries, 3 an hour). 3 requests an hour per IP.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ResetRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "202": {
                    "description": "Always the same sentence.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ResetAnswer"
                        },
                        "example": {
                          "message": "If this phone or email is on a patient's account with a mobile phone, we have texted a 6-digit code to that phone. It works for 10 minutes."
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/auth/reset/confirm": {
              "post": {
                "tags": [
                  "auth"
                ],
                "summary": "Set a new password with a reset code",
                "operationId": "confirmPasswordReset",
                "description": "Anyone. Sets the password, revokes every token. Every bad code is 401 with one sentence; a refused password 400.",
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ResetConfirm"
                      }
                    }
                  }
                },
                "responses": {
                  "204": {
                    "description": "The new password is set; sign in with it."
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "429": {
                    "$ref": "#/components/responses/TooManyRequests"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/users/me": {
              "get": {
                "tags": [
                  "users"
                ],
                "summary": "The signed-in account",
                "operationId": "getMe",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The account.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              },
              "patch": {
                "tags": [
                  "users"
                ],
                "summary": "Change the signed-in account's profile",
                "operationId": "updateMe",
                "description": "Own name, phone, email; a patient's birthDate, gender. Empty or null removes email or phone; old clients' age: see ProfilePatch.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/ProfilePatch"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The account after the change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  },
                  "404": {
                    "description": "The signed-in account is not a patient: staff details are an admin's to change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Error"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/users/me/photo": {
              "post": {
                "tags": [
                  "users"
                ],
                "summary": "Upload the signed-in account's photo",
                "operationId": "uploadPhoto",
                "description": "JPEG or PNG, told by its magic bytes, at most 2 MiB.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "multipart/form-data": {
                      "schema": {
                        "type": "object",
                        "required": [
                          "photo"
                        ],
                        "properties": {
                          "photo": {
                            "type": "string",
                            "format": "binary",
                            "description": "The image file."
                          }
                        }
                      },
                      "encoding": {
                        "photo": {
                          "contentType": "image/jpeg, image/png"
                        }
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The account with its photoUrl.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/users/{userId}": {
              "patch": {
                "tags": [
                  "users"
                ],
                "summary": "Change a person's details (staff)",
                "operationId": "updateUser",
                "description": "Desk: a patient's details and notes; admin: anyone's, a doctor's specialization and slot length (409 naming visits it strands).",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/UserId"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/AccountPatch"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The account after the change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/User"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/users/doctors": {
              "get": {
                "tags": [
                  "users"
                ],
                "summary": "List doctors",
                "operationId": "listDoctors",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "specialization",
                    "in": "query",
                    "required": false,
                    "description": "Only this specialization.",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Doctors, each with its doctorProfile.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/User"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments": {
              "post": {
                "tags": [
                  "appointments"
                ],
                "summary": "Book an appointment",
                "operationId": "bookAppointment",
                "description": "A patient books for themself; staff name patientId. 409 slot_taken, patient_busy, or conflict over the clinic's booking limits (staff may give overrideReason).",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/BookRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "Booked.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    },
                    "links": {
                      "GetAppointment": {
                        "operationId": "getAppointment",
                        "parameters": {
                          "id": "$response.body#/id"
                        },
                        "description": "Read it"
                      },
                      "ConfirmAppointment": {
                        "operationId": "confirmAppointment",
                        "parameters": {
                          "id": "$response.body#/id"
                        },
                        "description": "Confirm it"
                      },
                      "CancelAppointment": {
                        "operationId": "cancelAppointment",
                        "parameters": {
                          "id": "$response.body#/id"
                        },
                        "description": "Cancel it"
                      },
                      "CompleteAppointment": {
                        "operationId": "completeAppointment",
                        "parameters": {
                          "id": "$response.body#/id"
                        },
                        "description": "Complete it"
                      },
                      "CheckInAppointment": {
                        "operationId": "checkInAppointment",
                        "parameters": {
                          "id": "$response.body#/id"
                        },
                        "description": "Check the patient in"
                      },
                      "MoveAppointment": {
                        "operationId": "moveAppointment",
                        "parameters": {
                          "id": "$response.body#/id"
                        },
                        "description": "Move it"
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              },
              "get": {
                "tags": [
                  "appointments"
                ],
                "summary": "List appointments",
                "operationId": "listAppointments",
                "description": "Staff filter one doctor's with role=doctor&doctorId=.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "role",
                    "in": "query",
                    "required": false,
                    "description": "Which side to list.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "patient",
                        "doctor"
                      ]
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "At most this many.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 500,
                      "default": 100
                    }
                  },
                  {
                    "name": "month",
                    "in": "query",
                    "required": false,
                    "description": "A local month, YYYY-MM.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{4}-[0-9]{2}$"
                    }
                  },
                  {
                    "name": "status",
                    "in": "query",
                    "required": false,
                    "description": "Only this status.",
                    "schema": {
                      "$ref": "#/components/schemas/AppointmentStatus"
                    }
                  },
                  {
                    "name": "doctorId",
                    "in": "query",
                    "required": false,
                    "description": "Staff, with role=doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "A patient's own, a doctor's own, or for staff all.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Appointment"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/{id}": {
              "get": {
                "tags": [
                  "appointments"
                ],
                "summary": "One appointment",
                "operationId": "getAppointment",
                "description": "Its patient, its doctor or staff. A patient gets 403 for any other id, existing or not.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/AppointmentId"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The appointment.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/{id}/confirm": {
              "patch": {
                "tags": [
                  "appointments"
                ],
                "summary": "Confirm",
                "operationId": "confirmAppointment",
                "description": "Per policy.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/AppointmentId"
                  }
                ],
                "requestBody": {
                  "description": "Optional; an empty body is fine.",
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NoteBody"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The appointment after the change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/{id}/cancel": {
              "patch": {
                "tags": [
                  "appointments"
                ],
                "summary": "Cancel",
                "operationId": "cancelAppointment",
                "description": "Per policy.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/AppointmentId"
                  }
                ],
                "requestBody": {
                  "description": "Optional; an empty body is fine.",
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NoteBody"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The appointment after the change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/{id}/complete": {
              "patch": {
                "tags": [
                  "appointments"
                ],
                "summary": "Mark completed",
                "operationId": "completeAppointment",
                "description": "Per policy.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/AppointmentId"
                  }
                ],
                "requestBody": {
                  "description": "Optional; an empty body is fine.",
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NoteBody"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The appointment after the change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/{id}/check-in": {
              "patch": {
                "tags": [
                  "appointments"
                ],
                "summary": "Check in",
                "operationId": "checkInAppointment",
                "description": "Per policy: the desk, from the visit's local day on. A visit marked a no-show is checked in on its own day only, with a note saying why (400 without one).",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/AppointmentId"
                  }
                ],
                "requestBody": {
                  "description": "Optional; an empty body is fine.",
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/NoteBody"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The appointment after the change.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/{id}/move": {
              "patch": {
                "tags": [
                  "appointments"
                ],
                "summary": "Move to another slot",
                "operationId": "moveAppointment",
                "description": "Per policy; doctorId: to another doctor's slot in one step (booking them must be allowed). 400 not_aligned, outside_schedule, in_past; 409 slot_taken, patient_busy.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/AppointmentId"
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/MoveRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "The appointment after the move.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Appointment"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/slots/{doctorId}": {
              "get": {
                "tags": [
                  "slots"
                ],
                "summary": "A doctor's slots on one day",
                "operationId": "appointmentSlots",
                "description": "Anyone signed in. appointmentId is set only when the viewer may see that appointment.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "doctorId",
                    "in": "path",
                    "required": true,
                    "description": "The doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "$ref": "#/components/parameters/Date"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The day's slots.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Slot"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/doctors/{id}/slots": {
              "get": {
                "tags": [
                  "slots"
                ],
                "summary": "A doctor's slots on one day",
                "operationId": "doctorSlots",
                "description": "The same as /api/v1/appointments/slots/{doctorId}.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "$ref": "#/components/parameters/Date"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The day's slots.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Slot"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/slots/next": {
              "get": {
                "tags": [
                  "slots"
                ],
                "summary": "The earliest free slots across doctors",
                "operationId": "nextFreeSlots",
                "description": "Anyone signed in. The next free slots from a day on (at most 60 days), earliest first, a tie by the doctor's name.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "specialization",
                    "in": "query",
                    "required": false,
                    "description": "Only doctors of this specialization (case does not matter). Not with doctorId.",
                    "schema": {
                      "type": "string",
                      "maxLength": 100
                    }
                  },
                  {
                    "name": "doctorId",
                    "in": "query",
                    "required": false,
                    "description": "Only this doctor. Not with specialization.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "name": "from",
                    "in": "query",
                    "required": false,
                    "description": "The first local day searched, YYYY-MM-DD (default today; an earlier day means today).",
                    "schema": {
                      "type": "string",
                      "format": "date"
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "How many slots, 1–100.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 100,
                      "default": 5
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The free slots, earliest first.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/FreeSlot"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/stats/doctor/{doctorId}": {
              "get": {
                "tags": [
                  "stats"
                ],
                "summary": "One doctor's stats",
                "operationId": "doctorStats",
                "description": "The doctor themself, or staff.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "doctorId",
                    "in": "path",
                    "required": true,
                    "description": "The doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "$ref": "#/components/parameters/GroupBy"
                  },
                  {
                    "$ref": "#/components/parameters/StatsLimit"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Per period, newest first.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/DoctorStats"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/appointments/stats/clinic": {
              "get": {
                "tags": [
                  "stats"
                ],
                "summary": "The clinic's stats",
                "operationId": "clinicStats",
                "description": "Receptionists and admins.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/GroupBy"
                  },
                  {
                    "$ref": "#/components/parameters/StatsLimit"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "Per period, newest first.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/ClinicStats"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/day-sheet": {
              "get": {
                "tags": [
                  "day sheet"
                ],
                "summary": "The day sheet: a local day's visits per doctor",
                "operationId": "daySheet",
                "description": "The desk and admins: every doctor, or one (doctorId); a doctor: their own only; patients: 403. Text to print, CSV, iCalendar or JSON.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "$ref": "#/components/parameters/Date"
                  },
                  {
                    "name": "doctorId",
                    "in": "query",
                    "required": false,
                    "description": "Only this doctor's visits (default: every doctor).",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "name": "format",
                    "in": "query",
                    "required": false,
                    "description": "text (to print), csv, ics (iCalendar) or json.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "text",
                        "csv",
                        "ics",
                        "json"
                      ],
                      "default": "json"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The day sheet, in the format asked for.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/DaySheet"
                        }
                      },
                      "text/plain": {
                        "schema": {
                          "type": "string"
                        }
                      },
                      "text/csv": {
                        "schema": {
                          "type": "string"
                        }
                      },
                      "text/calendar": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/time/now": {
              "get": {
                "tags": [
                  "time"
                ],
                "summary": "The server's time",
                "operationId": "timeNow",
                "description": "Anyone.",
                "responses": {
                  "200": {
                    "description": "Now.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeNow"
                        }
                      }
                    }
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/events": {
              "get": {
                "tags": [
                  "events"
                ],
                "summary": "Appointment changes as Server-Sent Events",
                "operationId": "events",
                "description": "A patient sees their own, a doctor their own, staff all. Send the token as a Bearer header or, for EventSource, as ?access_token=.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "access_token",
                    "in": "query",
                    "required": false,
                    "description": "The access token, for clients that cannot set headers (EventSource).",
                    "schema": {
                      "type": "string"
                    }
                  },
                  {
                    "name": "Last-Event-ID",
                    "in": "header",
                    "required": false,
                    "description": "Resume after this event id.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "`event: appointment`, `id: <audit row id>`, `data:` an AppointmentEvent; `: keep-alive` every 15 s.",
                    "content": {
                      "text/event-stream": {
                        "schema": {
                          "type": "object",
                          "description": "One Server-Sent Event: event appointment, id the audit row (resume with Last-Event-ID), data an AppointmentEvent as JSON.",
                          "properties": {
                            "event": {
                              "type": "string",
                              "enum": [
                                "appointment"
                              ]
                            },
                            "id": {
                              "type": "string",
                              "pattern": "^[0-9]+$"
                            },
                            "retry": {
                              "type": "integer"
                            },
                            "data": {
                              "type": "string",
                              "contentMediaType": "application/json",
                              "contentSchema": {
                                "$ref": "#/components/schemas/AppointmentEvent"
                              }
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "tags": [
                  "meta"
                ],
                "summary": "This document",
                "operationId": "openapi",
                "responses": {
                  "200": {
                    "description": "The OpenAPI 3.1 document.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/docs": {
              "get": {
                "tags": [
                  "meta"
                ],
                "summary": "This document as a web page",
                "operationId": "docs",
                "responses": {
                  "200": {
                    "description": "An HTML page rendering /openapi.json (no CDN).",
                    "content": {
                      "text/html": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/healthz": {
              "get": {
                "tags": [
                  "meta"
                ],
                "summary": "Health check",
                "operationId": "healthz",
                "description": "The listener's health check: the database, and who runs the scheduler.",
                "responses": {
                  "200": {
                    "description": "The database answered.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/Health"
                        }
                      }
                    }
                  },
                  "503": {
                    "description": "The database did not answer.",
                    "content": {
                      "text/plain": {
                        "schema": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            },
            "/api/v1/photos/{photoId}": {
              "get": {
                "tags": [
                  "users"
                ],
                "summary": "An account's photo",
                "operationId": "getPhoto",
                "description": "The photo at a user's photoUrl: an unguessable id, so the URL says nothing about the account. 404 for any other id.",
                "parameters": [
                  {
                    "name": "photoId",
                    "in": "path",
                    "required": true,
                    "description": "The photo's unguessable id, from a user's photoUrl.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[A-Za-z0-9_-]{1,64}$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The image bytes, with their content type.",
                    "content": {
                      "image/jpeg": {
                        "schema": {
                          "type": "string",
                          "format": "binary"
                        }
                      },
                      "image/png": {
                        "schema": {
                          "type": "string",
                          "format": "binary"
                        }
                      }
                    }
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/doctors/{doctorId}/time-off": {
              "get": {
                "tags": [
                  "schedule"
                ],
                "summary": "A doctor's time off",
                "operationId": "listTimeOff",
                "description": "Earliest first, as entered. The doctor, the desk and admins (403 otherwise).",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "doctorId",
                    "in": "path",
                    "required": true,
                    "description": "The doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The stretches.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/TimeOff"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              },
              "post": {
                "tags": [
                  "schedule"
                ],
                "summary": "Add time off (a sick day)",
                "operationId": "addTimeOff",
                "description": "Admins. 409 conflict names the booked visits it covers unless cancelBooked: each is then cancelled (audited with the note, its patient texted to book again).",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "doctorId",
                    "in": "path",
                    "required": true,
                    "description": "The doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/TimeOffRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "preview: the booked visits it would cover; nothing changed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeOffPreview"
                        }
                      }
                    }
                  },
                  "201": {
                    "description": "The stretch, added; the visits it cancelled.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeOffAdded"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/doctors/{doctorId}/time-off/{id}": {
              "delete": {
                "tags": [
                  "schedule"
                ],
                "summary": "Remove time off",
                "operationId": "removeTimeOff",
                "description": "Admins; its slots are offered again.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "doctorId",
                    "in": "path",
                    "required": true,
                    "description": "The doctor.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The stretch's id.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "What was removed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeOffRemoved"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/closures": {
              "get": {
                "tags": [
                  "schedule"
                ],
                "summary": "The clinic's closure days",
                "operationId": "listClosures",
                "description": "Earliest first, as entered; anyone signed in.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The closures.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/TimeOff"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              },
              "post": {
                "tags": [
                  "schedule"
                ],
                "summary": "Close the clinic (a holiday)",
                "operationId": "addClosure",
                "description": "Admins. Every doctor's slots, doctors added later too. 409 conflict names the booked visits it covers unless cancelBooked.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/TimeOffRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "200": {
                    "description": "preview: the booked visits it would cover; nothing changed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeOffPreview"
                        }
                      }
                    }
                  },
                  "201": {
                    "description": "The stretch, added; the visits it cancelled.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeOffAdded"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/closures/{id}": {
              "delete": {
                "tags": [
                  "schedule"
                ],
                "summary": "Remove a closure",
                "operationId": "removeClosure",
                "description": "Admins; every doctor's slots of those days are offered again.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The stretch's id.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "What was removed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/TimeOffRemoved"
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/patients/{patientId}/visits": {
              "get": {
                "tags": [
                  "appointments"
                ],
                "summary": "A patient's visits and notes",
                "operationId": "patientVisits",
                "description": "Every doctor's visits of the patient, oldest first. Staff (doctors, the desk, admins); the notes for doctors and admins only.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "patientId",
                    "in": "path",
                    "required": true,
                    "description": "The patient.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The visits.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/Visit"
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/waitlist": {
              "get": {
                "tags": [
                  "waitlist"
                ],
                "summary": "Who waits",
                "operationId": "listWaitlist",
                "description": "Waiting entries, first in line first (all=true: also those booked, removed or past their days). A patient sees their own; staff anyone's.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "doctorId",
                    "in": "query",
                    "required": false,
                    "description": "Only those waiting for this doctor (or their specialization).",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "name": "patientId",
                    "in": "query",
                    "required": false,
                    "description": "Only this patient's.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  },
                  {
                    "name": "all",
                    "in": "query",
                    "required": false,
                    "description": "Also the entries no longer waiting.",
                    "schema": {
                      "type": "string",
                      "enum": [
                        "true",
                        "false"
                      ]
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The entries.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/WaitlistEntry"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              },
              "post": {
                "tags": [
                  "waitlist"
                ],
                "summary": "Join the waitlist",
                "operationId": "joinWaitlist",
                "description": "A patient for themselves (no patientId), or the desk for a patient, who needs a phone for the offers. 409: already waiting for the same doctor or specialization.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "requestBody": {
                  "required": true,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/WaitlistRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The entry.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/WaitlistEntry"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/waitlist/{id}": {
              "delete": {
                "tags": [
                  "waitlist"
                ],
                "summary": "Leave the waitlist",
                "operationId": "leaveWaitlist",
                "description": "Its patient, the desk, admins. An offer it had open is withdrawn and goes to the next in line. 409 when it no longer waits.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The waitlist entry.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The entry, removed.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "required": [
                            "removed"
                          ],
                          "properties": {
                            "removed": {
                              "$ref": "#/components/schemas/WaitlistEntry"
                            }
                          }
                        }
                      }
                    }
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/waitlist/{id}/offer": {
              "post": {
                "tags": [
                  "waitlist"
                ],
                "summary": "Offer a slot by hand",
                "operationId": "offerWaitlistSlot",
                "description": "The desk. Texts an offer of start, or of the earliest free slot in the entry's days at least an hour ahead. 409: an offer is open, the slot taken, the patient busy.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The waitlist entry.",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]+$"
                    }
                  }
                ],
                "requestBody": {
                  "required": false,
                  "content": {
                    "application/json": {
                      "schema": {
                        "$ref": "#/components/schemas/WaitlistOfferRequest"
                      }
                    }
                  }
                },
                "responses": {
                  "201": {
                    "description": "The offer, texted.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/WaitlistOffer"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "413": {
                    "$ref": "#/components/responses/PayloadTooLarge"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/sms/messages": {
              "get": {
                "tags": [
                  "sms"
                ],
                "summary": "Outgoing SMS",
                "operationId": "listSMSMessages",
                "description": "The SMS log, newest first: raw state and error for scripts, outcome in words. The desk and admins.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "failed",
                    "in": "query",
                    "required": false,
                    "description": "Only messages that failed, or failed once and wait for a retry.",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "At most this many, newest first.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 500,
                      "default": 100
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The messages.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/SMSMessage"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/sms/messages/{id}/retry": {
              "post": {
                "tags": [
                  "sms"
                ],
                "summary": "Retry a failed SMS",
                "operationId": "retrySMSMessage",
                "description": "A failed message queued again to the person's number, failure kept. invalid_transition: not failed; conflict: visit changed, no number, opted out; in_past: late.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The id (`clinic sms log` / `clinic sms inbox` show them).",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{1,18}$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The message, queued again.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/SMSMessage"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/sms/replies": {
              "get": {
                "tags": [
                  "sms"
                ],
                "summary": "Patients' SMS replies",
                "operationId": "listSMSReplies",
                "description": "Inbound SMS, newest first, with what came of each (raw and in words) and those flagged for the desk. The desk and admins.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "flagged",
                    "in": "query",
                    "required": false,
                    "description": "Only replies flagged for the desk (free text, a bare CANCEL).",
                    "schema": {
                      "type": "boolean",
                      "default": false
                    }
                  },
                  {
                    "name": "limit",
                    "in": "query",
                    "required": false,
                    "description": "At most this many, newest first.",
                    "schema": {
                      "type": "integer",
                      "minimum": 1,
                      "maximum": 500,
                      "default": 100
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The replies.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/SMSReply"
                          }
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            },
            "/api/v1/sms/replies/{id}/handled": {
              "post": {
                "tags": [
                  "sms"
                ],
                "summary": "Mark a flagged reply handled",
                "operationId": "handleSMSReply",
                "description": "Records who handled a flagged reply, and when (the desk). invalid_input: it was not flagged; conflict: handled already.",
                "security": [
                  {
                    "bearer": []
                  }
                ],
                "parameters": [
                  {
                    "name": "id",
                    "in": "path",
                    "required": true,
                    "description": "The id (`clinic sms log` / `clinic sms inbox` show them).",
                    "schema": {
                      "type": "string",
                      "pattern": "^[0-9]{1,18}$"
                    }
                  }
                ],
                "responses": {
                  "200": {
                    "description": "The reply, handled.",
                    "content": {
                      "application/json": {
                        "schema": {
                          "$ref": "#/components/schemas/SMSReply"
                        }
                      }
                    }
                  },
                  "400": {
                    "$ref": "#/components/responses/BadRequest"
                  },
                  "401": {
                    "$ref": "#/components/responses/Unauthorized"
                  },
                  "403": {
                    "$ref": "#/components/responses/Forbidden"
                  },
                  "404": {
                    "$ref": "#/components/responses/NotFound"
                  },
                  "409": {
                    "$ref": "#/components/responses/Conflict"
                  },
                  "500": {
                    "$ref": "#/components/responses/InternalError"
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "User": {
                "type": "object",
                "description": "An account. Every field is always present; some are null.",
                "required": [
                  "id",
                  "role",
                  "name",
                  "email",
                  "phone",
                  "birthDate",
                  "age",
                  "gender",
                  "notes",
                  "photoUrl",
                  "doctorProfile"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The account's id."
                  },
                  "role": {
                    "type": "string",
                    "enum": [
                      "patient",
                      "doctor",
                      "receptionist",
                      "admin"
                    ]
                  },
                  "name": {
                    "type": "string"
                  },
                  "email": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Null for a patient without one (a phone is enough)."
                  },
                  "phone": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "E.164, e.g. +15550100001; null for a patient with an email only."
                  },
                  "birthDate": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date",
                    "description": "Patients only: the date of birth, YYYY-MM-DD; null when not given."
                  },
                  "age": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "Patients only: whole years on the clinic's date, from birthDate (else the age an old client gave); null otherwise."
                  },
                  "gender": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Patients only; null otherwise."
                  },
                  "notes": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Patients only (may be empty); null otherwise."
                  },
                  "photoUrl": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "uri-reference",
                    "description": "Where the photo is served (/api/v1/photos/<id>), null when there is none."
                  },
                  "doctorProfile": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/DoctorProfile"
                      },
                      {
                        "type": "null"
                      }
                    ],
                    "description": "Doctors only; null otherwise."
                  }
                }
              },
              "DoctorProfile": {
                "type": "object",
                "description": "What a doctor offers.",
                "required": [
                  "specialization",
                  "slotDurationMin",
                  "weeklySchedule"
                ],
                "properties": {
                  "specialization": {
                    "type": "string",
                    "examples": [
                      "Cardiology"
                    ]
                  },
                  "slotDurationMin": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "Minutes per slot.",
                    "examples": [
                      30
                    ]
                  },
                  "weeklySchedule": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/WeeklyHoursEntry"
                    }
                  }
                }
              },
              "WeeklyHoursEntry": {
                "type": "object",
                "description": "One stretch of a doctor's weekly hours, in the clinic's time zone.",
                "required": [
                  "weekday",
                  "start",
                  "end"
                ],
                "properties": {
                  "weekday": {
                    "type": "string",
                    "enum": [
                      "mon",
                      "tue",
                      "wed",
                      "thu",
                      "fri",
                      "sat",
                      "sun"
                    ]
                  },
                  "start": {
                    "type": "string",
                    "pattern": "^([01][0-9]|2[0-4]):[0-5][0-9]$",
                    "description": "Local time, HH:MM.",
                    "examples": [
                      "09:00"
                    ]
                  },
                  "end": {
                    "type": "string",
                    "pattern": "^([01][0-9]|2[0-4]):[0-5][0-9]$",
                    "description": "Local time, HH:MM.",
                    "examples": [
                      "12:00"
                    ]
                  }
                }
              },
              "Appointment": {
                "type": "object",
                "description": "A booked visit. Every field is always present.",
                "required": [
                  "id",
                  "code",
                  "doctorId",
                  "patientId",
                  "doctorName",
                  "patientName",
                  "start",
                  "end",
                  "status",
                  "reason",
                  "createdAt",
                  "createdBy"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "pattern": "^[A-Za-z0-9]{6}$",
                    "description": "An appointment's id: its 6-character code (opaque to clients)."
                  },
                  "code": {
                    "type": "string",
                    "description": "The short code patients quote.",
                    "examples": [
                      "K7QX2M"
                    ]
                  },
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The doctor's account id."
                  },
                  "patientId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The patient's account id."
                  },
                  "doctorName": {
                    "type": "string"
                  },
                  "patientName": {
                    "type": "string"
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "With the clinic's offset, seconds precision."
                  },
                  "end": {
                    "type": "string",
                    "format": "date-time",
                    "description": "With the clinic's offset, seconds precision."
                  },
                  "status": {
                    "$ref": "#/components/schemas/AppointmentStatus"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When it was booked."
                  },
                  "createdBy": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^[0-9]+$",
                    "description": "The account that booked it; null when unknown."
                  }
                }
              },
              "AppointmentStatus": {
                "type": "string",
                "enum": [
                  "scheduled",
                  "confirmed",
                  "checked_in",
                  "completed",
                  "cancelled",
                  "no_show"
                ],
                "description": "scheduled, confirmed and checked_in hold the slot; the others are final."
              },
              "Tokens": {
                "type": "object",
                "description": "What a sign-in or sign-up answers.",
                "required": [
                  "access_token",
                  "refresh_token",
                  "token_type",
                  "expires_in",
                  "user"
                ],
                "properties": {
                  "access_token": {
                    "type": "string",
                    "description": "A JWT (HS256), good for 15 minutes."
                  },
                  "refresh_token": {
                    "type": "string",
                    "description": "Opaque; good for 30 days, rotated on use."
                  },
                  "token_type": {
                    "type": "string",
                    "const": "bearer"
                  },
                  "expires_in": {
                    "type": "integer",
                    "description": "Seconds until the access token expires.",
                    "examples": [
                      900
                    ]
                  },
                  "user": {
                    "$ref": "#/components/schemas/User"
                  }
                }
              },
              "RefreshedTokens": {
                "type": "object",
                "description": "A rotated pair of tokens.",
                "required": [
                  "access_token",
                  "refresh_token",
                  "token_type",
                  "expires_in"
                ],
                "properties": {
                  "access_token": {
                    "type": "string"
                  },
                  "refresh_token": {
                    "type": "string",
                    "description": "The new refresh token; the one sent is spent."
                  },
                  "token_type": {
                    "type": "string",
                    "const": "bearer"
                  },
                  "expires_in": {
                    "type": "integer",
                    "examples": [
                      900
                    ]
                  }
                }
              },
              "Slot": {
                "type": "object",
                "description": "One slot of a doctor's day.",
                "required": [
                  "start",
                  "end",
                  "available",
                  "appointmentId"
                ],
                "properties": {
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Slot start."
                  },
                  "end": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Slot end."
                  },
                  "available": {
                    "type": "boolean"
                  },
                  "appointmentId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^[A-Za-z0-9]{6}$",
                    "description": "The holding appointment's id, when the viewer may see it."
                  }
                }
              },
              "FreeSlot": {
                "type": "object",
                "description": "A free slot and the doctor who offers it.",
                "required": [
                  "doctorId",
                  "doctorName",
                  "specialization",
                  "start",
                  "end"
                ],
                "properties": {
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$"
                  },
                  "doctorName": {
                    "type": "string"
                  },
                  "specialization": {
                    "type": "string"
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Slot start, with the clinic's offset."
                  },
                  "end": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Slot end."
                  }
                }
              },
              "StatsPeriod": {
                "type": "object",
                "description": "Counts for one local month or day.",
                "required": [
                  "period",
                  "start",
                  "end",
                  "count",
                  "scheduled",
                  "confirmed",
                  "checked_in",
                  "completed",
                  "cancelled",
                  "no_show",
                  "offeredSlots",
                  "utilisation"
                ],
                "properties": {
                  "period": {
                    "type": "string",
                    "description": "2026-03 for months, 2026-03-08 for days."
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "First instant of the period."
                  },
                  "end": {
                    "type": "string",
                    "format": "date-time",
                    "description": "End of the period (exclusive)."
                  },
                  "count": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "All appointments in the period."
                  },
                  "scheduled": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "By status."
                  },
                  "confirmed": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "By status."
                  },
                  "checked_in": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "By status."
                  },
                  "completed": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "By status."
                  },
                  "cancelled": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "By status."
                  },
                  "no_show": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "By status."
                  },
                  "offeredSlots": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Slots offered in the period under the current hours and time off."
                  },
                  "utilisation": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "Booked (all but cancelled) / offered slots; null when nothing was offered."
                  }
                }
              },
              "DoctorStats": {
                "type": "object",
                "description": "One doctor's appointments per period.",
                "required": [
                  "doctorId",
                  "totalAppointments",
                  "stats"
                ],
                "properties": {
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The doctor."
                  },
                  "totalAppointments": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Over all time, not only the periods shown."
                  },
                  "stats": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/StatsPeriod"
                    },
                    "description": "Newest first."
                  }
                }
              },
              "ClinicStats": {
                "type": "object",
                "description": "The whole clinic's appointments per period.",
                "required": [
                  "totalAppointments",
                  "noShowRate",
                  "stats"
                ],
                "properties": {
                  "totalAppointments": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Over all time, not only the periods shown."
                  },
                  "noShowRate": {
                    "type": [
                      "number",
                      "null"
                    ],
                    "minimum": 0,
                    "maximum": 1,
                    "description": "no_show / (completed + no_show) over all time; null when no visit was due."
                  },
                  "stats": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/StatsPeriod"
                    },
                    "description": "Newest first."
                  }
                }
              },
              "DaySheet": {
                "type": "object",
                "required": [
                  "clinic",
                  "date",
                  "timezone",
                  "doctors"
                ],
                "properties": {
                  "clinic": {
                    "type": "string",
                    "description": "The clinic's name."
                  },
                  "date": {
                    "type": "string",
                    "format": "date"
                  },
                  "timezone": {
                    "type": "string",
                    "description": "The clinic's IANA time zone."
                  },
                  "doctors": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": [
                        "id",
                        "name",
                        "specialization",
                        "active",
                        "working",
                        "appointments"
                      ],
                      "properties": {
                        "id": {
                          "type": "string"
                        },
                        "name": {
                          "type": "string"
                        },
                        "specialization": {
                          "type": "string"
                        },
                        "active": {
                          "type": "boolean",
                          "description": "False for a deactivated doctor listed for the visits left that day."
                        },
                        "working": {
                          "type": "boolean",
                          "description": "Whether the doctor's weekly hours have any on that weekday."
                        },
                        "appointments": {
                          "type": "array",
                          "items": {
                            "$ref": "#/components/schemas/DaySheetVisit"
                          }
                        }
                      }
                    }
                  }
                }
              },
              "DaySheetVisit": {
                "type": "object",
                "required": [
                  "code",
                  "status",
                  "start",
                  "end",
                  "time",
                  "reason",
                  "doctor",
                  "patient"
                ],
                "properties": {
                  "code": {
                    "type": "string"
                  },
                  "status": {
                    "$ref": "#/components/schemas/AppointmentStatus"
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "end": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "time": {
                    "type": "string",
                    "description": "The local start time, HH:MM (with the offset in the hour the clocks go back)."
                  },
                  "reason": {
                    "type": "string"
                  },
                  "doctor": {
                    "type": "object",
                    "required": [
                      "id",
                      "name",
                      "email",
                      "phone"
                    ],
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "name": {
                        "type": "string"
                      },
                      "email": {
                        "type": "string"
                      },
                      "phone": {
                        "type": "string"
                      }
                    }
                  },
                  "patient": {
                    "type": "object",
                    "required": [
                      "id",
                      "name",
                      "email",
                      "phone"
                    ],
                    "properties": {
                      "id": {
                        "type": "string"
                      },
                      "name": {
                        "type": "string"
                      },
                      "email": {
                        "type": "string"
                      },
                      "phone": {
                        "type": "string"
                      }
                    }
                  }
                }
              },
              "TimeNow": {
                "type": "object",
                "description": "The server's clock.",
                "required": [
                  "utc",
                  "local",
                  "timezone"
                ],
                "properties": {
                  "utc": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Now, in UTC."
                  },
                  "local": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Now, with the clinic's offset."
                  },
                  "timezone": {
                    "type": "string",
                    "description": "The clinic's IANA time zone.",
                    "examples": [
                      "America/New_York"
                    ]
                  }
                }
              },
              "AppointmentEvent": {
                "type": "object",
                "description": "The data line of an `appointment` event on GET /api/v1/events.",
                "required": [
                  "type",
                  "appointment",
                  "at"
                ],
                "properties": {
                  "type": {
                    "type": "string",
                    "enum": [
                      "created",
                      "confirmed",
                      "cancelled",
                      "checked_in",
                      "completed",
                      "no_show",
                      "moved",
                      "undone"
                    ]
                  },
                  "appointment": {
                    "$ref": "#/components/schemas/Appointment"
                  },
                  "at": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When it happened."
                  }
                }
              },
              "Health": {
                "type": "object",
                "description": "What GET /healthz reports.",
                "required": [
                  "status",
                  "database",
                  "scheduler",
                  "sms_queued"
                ],
                "properties": {
                  "status": {
                    "type": "string",
                    "examples": [
                      "ok"
                    ]
                  },
                  "database": {
                    "type": "string",
                    "examples": [
                      "ok"
                    ]
                  },
                  "scheduler": {
                    "type": "string",
                    "enum": [
                      "running",
                      "stopped"
                    ]
                  },
                  "scheduler_holder": {
                    "type": "string",
                    "description": "The lease holder; absent when no scheduler runs."
                  },
                  "sms_queued": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Outgoing SMS waiting to be sent."
                  }
                }
              },
              "Error": {
                "type": "object",
                "description": "Every refusal.",
                "required": [
                  "error"
                ],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": [
                      "code",
                      "message"
                    ],
                    "properties": {
                      "code": {
                        "type": "string",
                        "enum": [
                          "invalid_input",
                          "not_aligned",
                          "outside_schedule",
                          "in_past",
                          "unauthorized",
                          "forbidden",
                          "not_found",
                          "slot_taken",
                          "patient_busy",
                          "conflict",
                          "invalid_transition",
                          "locked_out",
                          "payload_too_large",
                          "rate_limited",
                          "internal"
                        ]
                      },
                      "message": {
                        "type": "string",
                        "description": "One sentence for people."
                      }
                    }
                  }
                }
              },
              "SignUp": {
                "type": "object",
                "description": "A patient signing up: a phone or an email is enough (400 with neither).",
                "required": [
                  "name",
                  "password"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "email": {
                    "type": "string",
                    "description": "Optional when a phone is given."
                  },
                  "phone": {
                    "type": "string",
                    "description": "Optional when an email is given."
                  },
                  "password": {
                    "type": "string",
                    "format": "password"
                  },
                  "age": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "For old clients; birthDate is the source of the age."
                  },
                  "birthDate": {
                    "type": "string",
                    "format": "date",
                    "description": "YYYY-MM-DD."
                  },
                  "gender": {
                    "type": "string"
                  }
                }
              },
              "Login": {
                "type": "object",
                "description": "A sign-in.",
                "required": [
                  "email",
                  "password"
                ],
                "properties": {
                  "email": {
                    "type": "string",
                    "description": "The email or, for patients, the phone number."
                  },
                  "password": {
                    "type": "string",
                    "format": "password"
                  }
                }
              },
              "RefreshRequest": {
                "type": "object",
                "description": "A refresh token to rotate or revoke.",
                "required": [
                  "refresh_token"
                ],
                "properties": {
                  "refresh_token": {
                    "type": "string"
                  }
                }
              },
              "ResetRequest": {
                "type": "object",
                "description": "Whose password to reset: an email or a phone.",
                "required": [
                  "login"
                ],
                "properties": {
                  "login": {
                    "type": "string",
                    "description": "An email or a phone (E.164 or a national number)."
                  }
                }
              },
              "ResetAnswer": {
                "type": "object",
                "description": "The one answer to every request for a code.",
                "required": [
                  "message"
                ],
                "properties": {
                  "message": {
                    "type": "string"
                  }
                }
              },
              "ResetConfirm": {
                "type": "object",
                "description": "The code from the SMS and the new password.",
                "required": [
                  "login",
                  "code",
                  "newPassword"
                ],
                "properties": {
                  "login": {
                    "type": "string",
                    "description": "The email or phone the code was asked for."
                  },
                  "code": {
                    "type": "string",
                    "description": "The 6 digits from the SMS."
                  },
                  "newPassword": {
                    "type": "string",
                    "description": "At least 8 characters, at most 1024 bytes."
                  }
                }
              },
              "ProfilePatch": {
                "type": "object",
                "description": "The fields to change; absent ones stay as they are.",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "phone": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Empty or null removes it (patients only)."
                  },
                  "email": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Empty or null removes it (patients only)."
                  },
                  "birthDate": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date",
                    "description": "A patient's date of birth, YYYY-MM-DD; empty or null clears it."
                  },
                  "age": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "For old clients: kept while there is no birthDate, ignored once there is one."
                  },
                  "gender": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "notes": {
                    "type": "string",
                    "description": "Not here: 400 (notes are the desk's)."
                  }
                }
              },
              "AccountPatch": {
                "type": "object",
                "description": "A person's fields to change (staff); absent ones stay as they are.",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "phone": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Empty or null removes it (patients only)."
                  },
                  "email": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Empty or null removes it (patients only)."
                  },
                  "birthDate": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date",
                    "description": "A patient's date of birth, YYYY-MM-DD; empty or null clears it."
                  },
                  "age": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "minimum": 0,
                    "description": "For old clients: kept while there is no birthDate, ignored once there is one."
                  },
                  "gender": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "notes": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The desk's notes on a patient (several lines)."
                  },
                  "specialization": {
                    "type": "string",
                    "description": "A doctor's (admins)."
                  },
                  "slotDurationMin": {
                    "type": "integer",
                    "minimum": 5,
                    "maximum": 480,
                    "description": "A doctor's slot length in minutes (admins)."
                  }
                }
              },
              "BookRequest": {
                "type": "object",
                "description": "A booking.",
                "required": [
                  "doctorId",
                  "start",
                  "reason"
                ],
                "properties": {
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The doctor."
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "The slot's start; any ISO 8601 instant with an offset or Z."
                  },
                  "reason": {
                    "type": "string"
                  },
                  "patientId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "Staff only: the patient to book for. A patient books for themself."
                  },
                  "overrideReason": {
                    "type": "string",
                    "maxLength": 500,
                    "description": "Staff: book over the clinic's booking limits (visits to come per patient), saying why; audited. 403 for patients."
                  }
                }
              },
              "NoteBody": {
                "type": "object",
                "description": "An optional note kept with the status change.",
                "properties": {
                  "note": {
                    "type": "string"
                  }
                }
              },
              "MoveRequest": {
                "type": "object",
                "description": "A move to another slot.",
                "required": [
                  "start"
                ],
                "properties": {
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "The new start; any ISO 8601 instant with an offset or Z."
                  },
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "Another doctor, if the visit moves to them."
                  }
                }
              },
              "TimeOff": {
                "type": "object",
                "description": "A stretch of a doctor's time off, or a closure day of the whole clinic (doctorId null).",
                "required": [
                  "id",
                  "doctorId",
                  "from",
                  "to",
                  "span",
                  "note"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "pattern": "^[0-9]+$"
                  },
                  "doctorId": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "pattern": "^[0-9]+$"
                  },
                  "from": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "to": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When it ends (exclusive)."
                  },
                  "span": {
                    "type": "string",
                    "description": "As entered: 2026-03-06 to 2026-03-09 (the to day included), or times."
                  },
                  "note": {
                    "type": "string"
                  }
                },
                "example": {
                  "id": "3",
                  "doctorId": "12",
                  "from": "2026-03-06T00:00:00-05:00",
                  "to": "2026-03-10T00:00:00-04:00",
                  "span": "2026-03-06 to 2026-03-09",
                  "note": "Conference"
                }
              },
              "TimeOffRequest": {
                "type": "object",
                "description": "A stretch to add. Over booked visits: 409 conflict unless cancelBooked; preview lists them and changes nothing.",
                "required": [
                  "from",
                  "to"
                ],
                "properties": {
                  "from": {
                    "type": "string",
                    "minLength": 1,
                    "description": "A local day YYYY-MM-DD, or an ISO 8601 instant with an offset."
                  },
                  "to": {
                    "type": "string",
                    "minLength": 1,
                    "description": "A local day YYYY-MM-DD (included), or an ISO 8601 instant (when it ends)."
                  },
                  "note": {
                    "type": "string",
                    "maxLength": 200,
                    "description": "Also the cancelled visits' audit note."
                  },
                  "cancelBooked": {
                    "type": "boolean",
                    "description": "Cancel the booked visits it covers; each patient is texted to book again."
                  },
                  "preview": {
                    "type": "boolean",
                    "description": "Only list the booked visits it covers."
                  }
                },
                "example": {
                  "from": "2026-03-03",
                  "to": "2026-03-03",
                  "note": "flu",
                  "cancelBooked": true
                }
              },
              "TimeOffAdded": {
                "type": "object",
                "required": [
                  "timeOff",
                  "cancelled"
                ],
                "properties": {
                  "timeOff": {
                    "$ref": "#/components/schemas/TimeOff"
                  },
                  "cancelled": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Appointment"
                    }
                  }
                }
              },
              "TimeOffPreview": {
                "type": "object",
                "required": [
                  "wouldCancel"
                ],
                "properties": {
                  "wouldCancel": {
                    "type": "array",
                    "items": {
                      "$ref": "#/components/schemas/Appointment"
                    }
                  }
                }
              },
              "TimeOffRemoved": {
                "type": "object",
                "required": [
                  "removed"
                ],
                "properties": {
                  "removed": {
                    "$ref": "#/components/schemas/TimeOff"
                  }
                }
              },
              "Visit": {
                "type": "object",
                "description": "One of a patient's visits; note is null when there is none or the caller may not read clinical notes (the desk).",
                "required": [
                  "appointment",
                  "note"
                ],
                "properties": {
                  "appointment": {
                    "$ref": "#/components/schemas/Appointment"
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The doctor's note, possibly on several lines."
                  }
                }
              },
              "WaitlistRequest": {
                "type": "object",
                "required": [
                  "from",
                  "to"
                ],
                "description": "Give doctorId or specialization, not both.",
                "properties": {
                  "patientId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The patient (default: the signed-in patient)."
                  },
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The doctor waited for."
                  },
                  "specialization": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": 100,
                    "description": "Any doctor of this specialization."
                  },
                  "from": {
                    "type": "string",
                    "format": "date",
                    "description": "The first local day a visit may be on."
                  },
                  "to": {
                    "type": "string",
                    "format": "date",
                    "description": "The last local day a visit may be on."
                  },
                  "reason": {
                    "type": "string",
                    "maxLength": 500,
                    "description": "The reason the visit will carry (default: From the waitlist)."
                  }
                }
              },
              "WaitlistOfferRequest": {
                "type": "object",
                "properties": {
                  "doctorId": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The doctor, for an entry waiting for a specialization."
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time",
                    "description": "The slot's start (default: the earliest free slot in the entry's days)."
                  }
                }
              },
              "WaitlistOffer": {
                "type": "object",
                "description": "A freed slot offered by SMS; the patient replies TAKE <code>.",
                "required": [
                  "id",
                  "code",
                  "entryId",
                  "doctorId",
                  "doctorName",
                  "start",
                  "end",
                  "state",
                  "offeredAt",
                  "expiresAt",
                  "byHand",
                  "outcome"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "code": {
                    "type": "string",
                    "pattern": "^[A-Z0-9]{6}$"
                  },
                  "entryId": {
                    "type": "string"
                  },
                  "doctorId": {
                    "type": "string"
                  },
                  "doctorName": {
                    "type": "string"
                  },
                  "start": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "end": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "state": {
                    "type": "string",
                    "enum": [
                      "open",
                      "taken",
                      "expired",
                      "lost",
                      "withdrawn"
                    ]
                  },
                  "offeredAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "expiresAt": {
                    "type": "string",
                    "format": "date-time"
                  },
                  "byHand": {
                    "type": "boolean",
                    "description": "Offered by the desk rather than when the slot freed up."
                  },
                  "outcome": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "What ended it, in words."
                  }
                }
              },
              "WaitlistEntry": {
                "type": "object",
                "description": "A place on the waitlist. Every field is always present; some are null.",
                "required": [
                  "id",
                  "patientId",
                  "patientName",
                  "doctorId",
                  "doctorName",
                  "specialization",
                  "from",
                  "to",
                  "reason",
                  "state",
                  "position",
                  "offers",
                  "offer",
                  "appointmentCode",
                  "createdAt"
                ],
                "properties": {
                  "id": {
                    "type": "string"
                  },
                  "patientId": {
                    "type": "string"
                  },
                  "patientName": {
                    "type": "string"
                  },
                  "doctorId": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "doctorName": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "specialization": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "from": {
                    "type": "string",
                    "format": "date"
                  },
                  "to": {
                    "type": "string",
                    "format": "date"
                  },
                  "reason": {
                    "type": "string"
                  },
                  "state": {
                    "type": "string",
                    "enum": [
                      "waiting",
                      "booked",
                      "removed"
                    ]
                  },
                  "position": {
                    "type": [
                      "integer",
                      "null"
                    ],
                    "description": "Its place in line (1: next); null when no longer waiting."
                  },
                  "offers": {
                    "type": "integer",
                    "description": "Slots offered to it so far."
                  },
                  "offer": {
                    "oneOf": [
                      {
                        "$ref": "#/components/schemas/WaitlistOffer"
                      },
                      {
                        "type": "null"
                      }
                    ],
                    "description": "The offer open now."
                  },
                  "appointmentCode": {
                    "type": [
                      "string",
                      "null"
                    ]
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time"
                  }
                }
              },
              "SMSMessage": {
                "type": "object",
                "description": "An outgoing SMS. Every field is always present; some are null.",
                "required": [
                  "id",
                  "to",
                  "toName",
                  "body",
                  "appointment",
                  "kind",
                  "recipient",
                  "state",
                  "attempts",
                  "nextAttemptAt",
                  "errorCode",
                  "errorMessage",
                  "deliveryStatus",
                  "outcome",
                  "note",
                  "createdAt",
                  "updatedAt",
                  "sentAt"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The message's id."
                  },
                  "to": {
                    "type": "string",
                    "description": "The number it goes to, E.164."
                  },
                  "toName": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Who holds that number now, if anyone."
                  },
                  "body": {
                    "type": "string",
                    "description": "The text, whole."
                  },
                  "appointment": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The appointment's code, when it is about one."
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "reminder",
                      "confirmation",
                      "cancellation",
                      "no_show",
                      "checked_in",
                      "booking",
                      "moved",
                      "waitlist_offer",
                      "password_reset",
                      "other"
                    ],
                    "description": "Why it exists."
                  },
                  "recipient": {
                    "type": "string",
                    "enum": [
                      "patient",
                      "doctor",
                      "admin",
                      "other"
                    ],
                    "description": "Who it is for."
                  },
                  "state": {
                    "type": "string",
                    "enum": [
                      "queued",
                      "sending",
                      "sent",
                      "failed",
                      "skipped"
                    ],
                    "description": "Where it is in its life."
                  },
                  "attempts": {
                    "type": "integer",
                    "minimum": 0,
                    "description": "Gateway calls since it was queued (or queued again)."
                  },
                  "nextAttemptAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "The next (or last) attempt."
                  },
                  "errorCode": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The provider's or the outbox's code (21614, gave_up, opted_out …)."
                  },
                  "errorMessage": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The error as recorded."
                  },
                  "deliveryStatus": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The carrier's report (delivered, undelivered …)."
                  },
                  "outcome": {
                    "type": "string",
                    "description": "Where it stands, in words: Failed: the number is not a mobile phone (21614)."
                  },
                  "note": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Set when an earlier attempt was interrupted (it may have gone out twice)."
                  },
                  "createdAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When it was queued first."
                  },
                  "updatedAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "Its last change."
                  },
                  "sentAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "When the gateway took it."
                  }
                }
              },
              "SMSReply": {
                "type": "object",
                "description": "An SMS a patient sent. Every field is always present; some are null.",
                "required": [
                  "id",
                  "from",
                  "fromName",
                  "body",
                  "receivedAt",
                  "command",
                  "outcome",
                  "outcomeText",
                  "reply",
                  "appointment",
                  "attention",
                  "handledAt",
                  "handledBy"
                ],
                "properties": {
                  "id": {
                    "type": "string",
                    "pattern": "^[0-9]+$",
                    "description": "The reply's id."
                  },
                  "from": {
                    "type": "string",
                    "description": "The sender's number (E.164 when it is one)."
                  },
                  "fromName": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Who holds that number now, if anyone."
                  },
                  "body": {
                    "type": "string",
                    "description": "The text, whole."
                  },
                  "receivedAt": {
                    "type": "string",
                    "format": "date-time",
                    "description": "When it arrived."
                  },
                  "command": {
                    "type": "string",
                    "description": "What it was read as (confirm, cancel, free_text …)."
                  },
                  "outcome": {
                    "type": "string",
                    "description": "What came of it (confirmed, asked_which, refused:cancelled …)."
                  },
                  "outcomeText": {
                    "type": "string",
                    "description": "The same in words: Asked which visit they meant."
                  },
                  "reply": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "What the clinic answered, if anything."
                  },
                  "appointment": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "The appointment it acted on or asked about."
                  },
                  "attention": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Why the desk should read it, when it should."
                  },
                  "handledAt": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "format": "date-time",
                    "description": "When the desk marked it handled."
                  },
                  "handledBy": {
                    "type": [
                      "string",
                      "null"
                    ],
                    "description": "Who did."
                  }
                }
              }
            },
            "responses": {
              "BadRequest": {
                "description": "invalid_input, not_aligned, outside_schedule or in_past.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "invalid_input",
                        "message": "start must be an ISO 8601 instant"
                      }
                    }
                  }
                }
              },
              "Unauthorized": {
                "description": "unauthorized: missing, invalid or expired credentials.",
                "headers": {
                  "WWW-Authenticate": {
                    "description": "Always `Bearer`.",
                    "schema": {
                      "type": "string",
                      "examples": [
                        "Bearer"
                      ]
                    }
                  }
                },
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "unauthorized",
                        "message": "sign in again"
                      }
                    }
                  }
                }
              },
              "Forbidden": {
                "description": "forbidden: the actor may not do this (a patient also gets it for an id that does not exist).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "forbidden",
                        "message": "this appointment is not yours"
                      }
                    }
                  }
                }
              },
              "NotFound": {
                "description": "not_found.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "not_found",
                        "message": "no such appointment"
                      }
                    }
                  }
                }
              },
              "Conflict": {
                "description": "slot_taken, patient_busy, conflict or invalid_transition.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "slot_taken",
                        "message": "that slot is taken"
                      }
                    }
                  }
                }
              },
              "PayloadTooLarge": {
                "description": "payload_too_large: JSON bodies over 64 KiB, photos over 2 MiB + 16 KiB.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "payload_too_large",
                        "message": "the body is too large"
                      }
                    }
                  }
                }
              },
              "Locked": {
                "description": "locked_out: too many failed sign-ins.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "locked_out",
                        "message": "too many attempts; try again later"
                      }
                    }
                  }
                }
              },
              "TooManyRequests": {
                "description": "rate_limited: auth routes allow 10 a minute per IP (burst 10).",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "rate_limited",
                        "message": "too many requests; slow down"
                      }
                    }
                  }
                }
              },
              "InternalError": {
                "description": "internal.",
                "content": {
                  "application/json": {
                    "schema": {
                      "$ref": "#/components/schemas/Error"
                    },
                    "example": {
                      "error": {
                        "code": "internal",
                        "message": "something went wrong"
                      }
                    }
                  }
                }
              }
            },
            "parameters": {
              "AppointmentId": {
                "name": "id",
                "in": "path",
                "required": true,
                "description": "The appointment's id (its code).",
                "schema": {
                  "type": "string",
                  "pattern": "^[A-Za-z0-9]{1,16}$"
                }
              },
              "Date": {
                "name": "date",
                "in": "query",
                "required": true,
                "description": "A local day, YYYY-MM-DD.",
                "schema": {
                  "type": "string",
                  "format": "date"
                }
              },
              "GroupBy": {
                "name": "groupBy",
                "in": "query",
                "required": false,
                "description": "Group by local month or day.",
                "schema": {
                  "type": "string",
                  "enum": [
                    "month",
                    "day"
                  ],
                  "default": "month"
                }
              },
              "StatsLimit": {
                "name": "limit",
                "in": "query",
                "required": false,
                "description": "How many periods, newest first.",
                "schema": {
                  "type": "integer",
                  "minimum": 1,
                  "maximum": 500
                }
              },
              "UserId": {
                "name": "userId",
                "in": "path",
                "required": true,
                "description": "The account's id.",
                "schema": {
                  "type": "string",
                  "pattern": "^[0-9]{1,18}$"
                }
              }
            },
            "securitySchemes": {
              "bearer": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "JWT",
                "description": "The access_token from a sign-in, 15 minutes."
              }
            }
          }
        }
        """#
}
