#!/usr/bin/env python3
"""A client written for the original clinic backend (FastAPI, /api/v1), run
against `clinic serve`: only the base URL differs, and ids are treated as
opaque strings. Standard library only. Usage: original_client.py BASE_URL
DOCTOR_EMAIL DOCTOR_PASSWORD DATE. Exits 0 when every step did what the
original did; prints the step that did not, and exits 1."""
import json
import sys
import urllib.error
import urllib.request

BASE, DOCTOR_EMAIL, DOCTOR_PASSWORD, DATE = sys.argv[1].rstrip("/") + "/api/v1", sys.argv[2], sys.argv[3], sys.argv[4]


def call(method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, (json.loads(raw) if raw else None)


def expect(step, condition, detail=""):
    if not condition:
        print(f"FAILED: {step} {detail}")
        sys.exit(1)
    print(f"ok: {step}")


# A patient signs up, as the original's sign-up form does.
status, tokens = call("POST", "/auth/patient/signup", {
    "name": "Camille Dubois", "email": "camille@portal.test", "phone": "+15550107777",
    "password": "portal-password-1", "age": 29, "gender": "f"})
expect("signup 201 with tokens and user", status == 201 and tokens["token_type"] == "bearer" and tokens["user"]["role"] == "patient", tokens)
patient_token = tokens["access_token"]
patient_id = tokens["user"]["id"]
expect("ids are strings", isinstance(patient_id, str))

status, tokens = call("POST", "/auth/patient/login", {"email": "camille@portal.test", "password": "portal-password-1"})
expect("patient login 200", status == 200 and "access_token" in tokens and "refresh_token" in tokens, tokens)
status, refreshed = call("POST", "/auth/refresh", {"refresh_token": tokens["refresh_token"]})
expect("refresh gives an access token", status == 200 and refreshed["token_type"] == "bearer" and refreshed["access_token"], refreshed)

status, _ = call("POST", "/auth/doctor/login", {"email": "camille@portal.test", "password": "portal-password-1"})
expect("a patient cannot sign in as a doctor", status == 401)
status, doctor_tokens = call("POST", "/auth/doctor/login", {"email": DOCTOR_EMAIL, "password": DOCTOR_PASSWORD})
expect("doctor login 200", status == 200 and doctor_tokens["user"]["role"] == "doctor", doctor_tokens)
doctor_token = doctor_tokens["access_token"]

status, me = call("GET", "/users/me", token=patient_token)
expect("users/me", status == 200 and me["id"] == patient_id and me["age"] == 29, me)
status, me = call("PATCH", "/users/me", {"phone": "+1 555 010 7778"}, token=patient_token)
expect("PATCH users/me", status == 200 and me["phone"] == "+15550107778", me)

status, doctors = call("GET", "/users/doctors", token=patient_token)
expect("doctors with profiles", status == 200 and doctors and doctors[0]["doctorProfile"]["slotDurationMin"] > 0, doctors)
doctor = next(d for d in doctors if d["email"] == DOCTOR_EMAIL)

status, slots = call("GET", f"/appointments/slots/{doctor['id']}?date={DATE}", token=patient_token)
free = [s for s in slots if s["available"]] if status == 200 else []
expect("slots of the day", status == 200 and free, slots)
status, same = call("GET", f"/doctors/{doctor['id']}/slots?date={DATE}", token=patient_token)
expect("the same slots at /doctors/{id}/slots", status == 200 and same == slots)

status, appt = call("POST", "/appointments", {"doctorId": doctor["id"], "start": free[0]["start"], "reason": "Follow-up"}, token=patient_token)
expect("book 201", status == 201 and appt["status"] == "scheduled" and appt["patientId"] == patient_id and appt["start"] == free[0]["start"], appt)
status, err = call("POST", "/appointments", {"doctorId": doctor["id"], "start": free[0]["start"], "reason": "Again"}, token=patient_token)
expect("the same slot again is 409", status == 409 and err["error"]["code"] in ("slot_taken", "patient_busy"), err)

status, mine = call("GET", "/appointments?role=patient&limit=10", token=patient_token)
expect("list my appointments", status == 200 and [a["id"] for a in mine] == [appt["id"]], mine)
status, one = call("GET", f"/appointments/{appt['id']}", token=patient_token)
expect("get one appointment", status == 200 and one["id"] == appt["id"])
status, confirmed = call("PATCH", f"/appointments/{appt['id']}/confirm", token=patient_token)
expect("confirm", status == 200 and confirmed["status"] == "confirmed", confirmed)
status, theirs = call("GET", "/appointments?role=doctor", token=doctor_token)
expect("the doctor sees it", status == 200 and appt["id"] in [a["id"] for a in theirs])
status, stats = call("GET", f"/appointments/stats/doctor/{doctor['id']}?groupBy=month&limit=3", token=doctor_token)
expect("doctor stats", status == 200 and stats["doctorId"] == doctor["id"] and stats["totalAppointments"] >= 1 and "stats" in stats, stats)
status, cancelled = call("PATCH", f"/appointments/{appt['id']}/cancel", token=patient_token)
expect("cancel", status == 200 and cancelled["status"] == "cancelled", cancelled)
status, now = call("GET", "/time/now")
expect("time/now", status == 200 and set(now) >= {"utc", "local", "timezone"}, now)
print("the original's client works")
