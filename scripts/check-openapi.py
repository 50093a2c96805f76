#!/usr/bin/env python3
"""Checks the API's OpenAPI document in Sources/ClinicCore/API/OpenAPIDocument.swift.

Takes the JSON between `#\"\"\"` and `\"\"\"#`, and checks that:
- the Swift literal is laid out as Swift needs it (every line indented by the
  closing delimiter's 8 spaces, lines of at most 200 characters);
- it parses, and is pretty-printed with 2-space indentation exactly as
  `json.dumps(doc, indent=2, ensure_ascii=False)` writes it;
- it is a valid OpenAPI 3.1 document (the `openapi-spec-validator` package from
  PyPI; without it the check fails, it does not skip);
- every `$ref` resolves inside the document;
- every operation has a unique operationId and tags that the document declares;
- every media type's `example` is valid for its schema;
- the contract's response rules hold: an operation that needs sign-in declares
  401, one with a JSON body declares 400 and 413.

Usage: scripts/check-openapi.py [path/to/OpenAPIDocument.swift]
Exit status 0 when every check passes, 1 otherwise (each problem on stderr)."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "Sources", "ClinicCore", "API", "OpenAPIDocument.swift")
INDENT = " " * 8
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def extract(swift):
    """The literal's lines, and the JSON text with the indentation Swift strips removed."""
    match = re.search(r'#"""\n(.*?)\n( *)"""#', swift, re.S)
    if not match:
        raise SystemExit('no #""" ... """# literal found')
    body, closing = match.group(1), match.group(2)
    problems = []
    if closing != INDENT:
        problems.append(f"the closing delimiter is indented by {len(closing)} spaces, not {len(INDENT)}")
    lines = body.split("\n")
    for n, line in enumerate(lines, 1):
        if line and not line.startswith(closing):
            problems.append(f"literal line {n} is not indented by {len(closing)} spaces")
        if '\\#' in line:
            problems.append(f"literal line {n} holds an interpolation or escape (\\#) for the raw string")
    for n, line in enumerate(swift.split("\n"), 1):
        if len(line) > 200:
            problems.append(f"line {n} is {len(line)} characters long (at most 200)")
    return "\n".join(l[len(closing):] for l in lines), problems


def resolve(doc, pointer):
    node = doc
    for part in pointer[2:].split("/") if pointer != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return False, None
    return True, node


def refs(node, path="#"):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield path, value
            else:
                yield from refs(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from refs(value, f"{path}/{i}")


def deref(doc, node):
    while isinstance(node, dict) and "$ref" in node:
        ok, node = resolve(doc, node["$ref"])
        if not ok:
            return {}
    return node


def check_document(doc):
    problems = []
    for where, target in refs(doc):
        if not target.startswith("#/"):
            problems.append(f"{where}: $ref {target} points outside the document")
        elif not resolve(doc, target)[0]:
            problems.append(f"{where}: $ref {target} does not resolve")

    declared = {t["name"] for t in doc.get("tags", [])}
    seen = {}
    for path, item in doc.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            name = f"{method.upper()} {path}"
            op_id = op.get("operationId")
            if not op_id:
                problems.append(f"{name}: no operationId")
            elif not re.fullmatch(r"[a-z][A-Za-z0-9]*", op_id):
                problems.append(f"{name}: operationId {op_id} is not camelCase")
            elif op_id in seen:
                problems.append(f"{name}: operationId {op_id} is also {seen[op_id]}'s")
            else:
                seen[op_id] = name
            for tag in op.get("tags", []) or [None]:
                if tag not in declared:
                    problems.append(f"{name}: tag {tag} is not declared in the document's tags")
            responses = op.get("responses", {})
            if op.get("security") and "401" not in responses:
                problems.append(f"{name}: needs sign-in but declares no 401")
            body = deref(doc, op.get("requestBody"))
            if body and "application/json" in body.get("content", {}):
                for code in ("400", "413"):
                    if code not in responses:
                        problems.append(f"{name}: takes a JSON body but declares no {code}")
    return problems, len(seen)


def check_examples(doc):
    """Every media type's `example` against its schema (JSON Schema 2020-12, as OpenAPI 3.1 uses)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    registry = Registry().with_resource("urn:openapi", Resource(doc, specification=DRAFT202012))
    problems = []

    def visit(node, path):
        if isinstance(node, dict):
            if "example" in node and isinstance(node.get("schema"), dict) and "$ref" in node["schema"]:
                schema = {"$ref": "urn:openapi" + node["schema"]["$ref"]}
                for error in Draft202012Validator(schema, registry=registry).iter_errors(node["example"]):
                    problems.append(f"{path}/example: {error.message}")
            for key, value in node.items():
                visit(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                visit(value, f"{path}/{i}")

    visit(doc, "#")
    return problems


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    with open(path, encoding="utf-8") as f:
        swift = f.read()
    text, problems = extract(swift)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise SystemExit(f"{path}: the JSON does not parse: {error}")
    if json.dumps(doc, indent=2, ensure_ascii=False) != text:
        problems.append("the JSON is not pretty-printed as json.dumps(indent=2, ensure_ascii=False) writes it")

    if doc.get("openapi") != "3.1.0":
        problems.append(f"openapi is {doc.get('openapi')!r}, not \"3.1.0\"")
    more, operations = check_document(doc)
    problems += more
    try:
        from openapi_spec_validator import OpenAPIV31SpecValidator
    except ImportError:
        raise SystemExit("openapi-spec-validator is not installed (pip install openapi-spec-validator)")
    if any("$ref" in p for p in more):
        problems.append("openapi-spec-validator not run: it cannot follow a $ref that does not resolve")
    else:
        try:
            for error in OpenAPIV31SpecValidator(doc).iter_errors():
                where = "/".join(str(p) for p in getattr(error, "absolute_path", []))
                problems.append(f"openapi-spec-validator: {where or '#'}: {getattr(error, 'message', error)}"[:600])
        except Exception as error:  # the validator itself failed: a problem, not a pass
            problems.append(f"openapi-spec-validator failed: {type(error).__name__}: {error}"[:600])
        problems += check_examples(doc)
    if problems:
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        sys.exit(1)
    from importlib.metadata import version
    print(f"OK: OpenAPI {doc['openapi']}, {len(doc['paths'])} paths, {operations} operations, "
          f"{len(doc['components']['schemas'])} schemas; valid for openapi-spec-validator {version('openapi-spec-validator')}; "
          "every $ref resolves; every operation has a unique operationId; every example fits its schema")


if __name__ == "__main__":
    main()
