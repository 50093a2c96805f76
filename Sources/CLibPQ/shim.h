#ifndef CLINIC_CLIBPQ_SHIM_H
#define CLINIC_CLIBPQ_SHIM_H

/* libpq, PostgreSQL's own C client (Debian: libpq-dev). Only
   Sources/ClinicCore/Postgres/LibPQ.swift imports this module. */
#include <postgresql/libpq-fe.h>

/* Type OIDs (server/catalog/pg_type_d.h is not part of libpq-dev). */
static const unsigned int clinic_PG_BOOLOID = 16;
static const unsigned int clinic_PG_BYTEAOID = 17;
static const unsigned int clinic_PG_INT8OID = 20;
static const unsigned int clinic_PG_INT2OID = 21;
static const unsigned int clinic_PG_INT4OID = 23;
static const unsigned int clinic_PG_OIDOID = 26;
static const unsigned int clinic_PG_FLOAT4OID = 700;
static const unsigned int clinic_PG_FLOAT8OID = 701;
static const unsigned int clinic_PG_NUMERICOID = 1700;

/* Error fields of a result (character-literal macros). */
static const int clinic_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int clinic_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int clinic_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int clinic_PG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;
static const int clinic_PG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME;

#endif
