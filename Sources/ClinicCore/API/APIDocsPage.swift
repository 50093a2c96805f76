/// The page served at GET /docs: it fetches /openapi.json and renders it by tag, each operation with its
/// parameters, body and responses, `$ref`s resolved into field lists, then the components. Self-contained (inline
/// CSS and vanilla JS, no CDN, no web fonts); document text reaches the DOM only through `textContent`.
enum APIDocsPage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>clinic API</title>
        <style>
          body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d232a; background: #f6f7f9; }
          main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
          h1 { margin: .5rem 0 0; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #d5dae1; } h4 { margin: .9rem 0 .3rem; }
          code, .type, .path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
          nav a { margin-right: .8rem; } a { color: #0b5cad; }
          details.op { background: #fff; border: 1px solid #d5dae1; border-radius: 6px; margin: .5rem 0; }
          details.op > summary { cursor: pointer; padding: .5rem .75rem; display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
          details.op > div { padding: 0 .9rem .8rem; border-top: 1px solid #e6e9ee; }
          .method { font-weight: 700; min-width: 4.2rem; text-transform: uppercase; font-size: .8rem; }
          .get { color: #0a7a3e; } .post { color: #0b5cad; } .patch { color: #9a5b00; } .put { color: #6b3fa0; } .delete { color: #b3261e; }
          .path { font-weight: 600; } .sum { color: #4a5563; } .lock { font-size: .75rem; color: #6b7480; border: 1px solid #c9ced6; border-radius: 3px; padding: 0 .3rem; }
          ul.fields { list-style: none; margin: .2rem 0; padding-left: 1.1rem; border-left: 2px solid #e6e9ee; }
          ul.fields > li { margin: .25rem 0; }
          .name { font-weight: 600; } .type { color: #6b3fa0; margin-left: .5rem; } .req { color: #b3261e; font-size: .75rem; margin-left: .5rem; }
          .note { color: #4a5563; font-size: .88rem; } .ctype { color: #6b7480; font-size: .85rem; margin-top: .3rem; }
          .code { font-weight: 700; display: inline-block; min-width: 2.6rem; } .meta { color: #6b7480; font-size: .85rem; }
          section.schema { background: #fff; border: 1px solid #d5dae1; border-radius: 6px; padding: .2rem .9rem .7rem; margin: .6rem 0; }
          button { font: inherit; font-size: .85rem; }
        </style>
        </head>
        <body>
        <main>
          <h1 id="title">clinic API</h1>
          <p>The description of the clinic's HTTP API, read from <a href="/openapi.json">/openapi.json</a>.</p>
          <noscript><p>JavaScript is off, so this page cannot render the description: read the OpenAPI document itself at <a href="/openapi.json">/openapi.json</a>.</p></noscript>
          <p id="status">Loading /openapi.json…</p>
          <div id="doc"></div>
        </main>
        <script>
        "use strict";
        let doc = {};
        function el(tag, cls, text) {
          const e = document.createElement(tag);
          if (cls) e.className = cls;
          if (text !== undefined && text !== null) e.textContent = String(text);
          return e;
        }
        const refName = ref => ref.split("/").pop();
        function resolve(ref) {
          let node = doc;
          for (const part of ref.replace(/^#[/]/, "").split("/")) node = node ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
          return node || {};
        }
        function deref(node) {
          for (let hops = 0; node && node.$ref && hops < 32; hops++) node = resolve(node.$ref);
          return node || {};
        }
        function schemaLink(name) {
          const a = el("a", null, name);
          a.href = "#schema-" + encodeURIComponent(name);
          return a;
        }
        // A schema's type as text, with links to the named schemas it uses: "array of Appointment", "string | null".
        function typeOf(schema) {
          const span = el("span", "type");
          const add = part => span.append(typeof part === "string" ? document.createTextNode(part) : part);
          (function walk(s) {
            if (!s) return add("any");
            if (s.$ref) return add(schemaLink(refName(s.$ref)));
            const alternatives = s.oneOf || s.anyOf;
            if (alternatives) return alternatives.forEach((a, i) => { if (i) add(" | "); walk(a); });
            if (s.type === "array") { add("array of "); return walk(s.items); }
            let t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type || ("const" in s ? "" : "any"));
            if ("const" in s) t += (t ? " " : "") + "= " + JSON.stringify(s.const);
            add(t + (s.format ? " (" + s.format + ")" : ""));
          })(schema);
          return span;
        }
        // What else the schema says: its description, values, pattern, bounds, default and examples.
        function notes(schema) {
          const s = schema && schema.$ref ? Object.assign({}, deref(schema), schema) : (schema || {});
          const out = [];
          if (s.description) out.push(s.description);
          if (s.enum) out.push("one of: " + s.enum.join(", "));
          if (s.pattern) out.push("pattern " + s.pattern);
          if (s.minimum !== undefined) out.push("minimum " + s.minimum);
          if (s.maximum !== undefined) out.push("maximum " + s.maximum);
          if (s.default !== undefined) out.push("default " + JSON.stringify(s.default));
          if (s.examples) out.push("e.g. " + s.examples.map(x => JSON.stringify(x)).join(", "));
          return out.length ? el("div", "note", out.join(" · ")) : null;
        }
        // An object's fields as an indented list, nested objects inside; `seen` stops at a schema already open above.
        function fields(schema, seen) {
          let s = schema || {};
          if (s.$ref) {
            if (seen.has(s.$ref)) return null;
            seen = new Set(seen).add(s.$ref);
            s = resolve(s.$ref);
          }
          const alternatives = (s.oneOf || s.anyOf || []).filter(a => a.type !== "null");
          if (alternatives.length === 1) return fields(alternatives[0], seen);
          if (s.type === "array") return fields(s.items, seen);
          if (!s.properties) return null;
          const required = new Set(s.required || []);
          const list = el("ul", "fields");
          for (const [name, property] of Object.entries(s.properties)) {
            const item = el("li");
            item.append(el("code", "name", name), typeOf(property));
            if (required.has(name)) item.append(el("span", "req", "required"));
            const n = notes(property);
            if (n) item.append(n);
            const nested = fields(property, seen);
            if (nested) item.append(nested);
            list.append(item);
          }
          return list;
        }
        function content(parent, media, expand) {
          for (const [type, m] of Object.entries(media || {})) {
            const line = el("div", "ctype", type + " → ");
            line.append(typeOf(m.schema));
            parent.append(line);
            const list = expand ? fields(m.schema, new Set()) : null;
            if (list) parent.append(list);
          }
        }
        function operation(method, path, op) {
          const box = el("details", "op");
          const summary = el("summary");
          summary.append(el("span", "method " + method, method), el("span", "path", path), el("span", "sum", op.summary || ""));
          if (op.security && op.security.some(r => Object.keys(r).length)) summary.append(el("span", "lock", "sign-in"));
          const body = el("div");
          box.append(summary, body);
          if (op.description) body.append(el("p", null, op.description));
          body.append(el("div", "meta", "operationId: " + (op.operationId || "none")));
          const parameters = (op.parameters || []).map(deref);
          if (parameters.length) {
            body.append(el("h4", null, "Parameters"));
            const list = el("ul", "fields");
            for (const p of parameters) {
              const item = el("li");
              item.append(el("code", "name", p.name), el("span", "meta", " in " + p.in), typeOf(p.schema));
              if (p.required) item.append(el("span", "req", "required"));
              const n = notes(Object.assign({}, deref(p.schema), p.schema, p.description ? { description: p.description } : {}));
              if (n) item.append(n);
              list.append(item);
            }
            body.append(list);
          }
          if (op.requestBody) {
            const request = deref(op.requestBody);
            body.append(el("h4", null, "Request body" + (request.required ? "" : " (optional)")));
            if (request.description) body.append(el("div", "note", request.description));
            content(body, request.content, true);
          }
          body.append(el("h4", null, "Responses"));
          const list = el("ul", "fields");
          for (const [code, raw] of Object.entries(op.responses || {})) {
            const r = deref(raw), item = el("li");
            item.append(el("span", "code", code), document.createTextNode(" " + (r.description || "")));
            if (raw.$ref) item.append(el("span", "meta", " (" + refName(raw.$ref) + ")"));
            for (const [name, h] of Object.entries(r.headers || {})) item.append(el("div", "note", "header " + name + ": " + (deref(h).description || "")));
            content(item, r.content, !raw.$ref);
            list.append(item);
          }
          body.append(list);
          return box;
        }
        function render() {
          const root = document.getElementById("doc"), info = doc.info || {};
          document.getElementById("title").textContent = (info.title || "API") + " " + (info.version || "");
          document.title = info.title || "API";
          if (info.description) root.append(el("p", null, info.description));
          const nav = el("nav"), toggle = el("button", null, "Open all operations");
          toggle.type = "button";
          toggle.addEventListener("click", () => {
            const open = toggle.textContent.startsWith("Open");
            document.querySelectorAll("details.op").forEach(d => { d.open = open; });
            toggle.textContent = open ? "Close all operations" : "Open all operations";
          });
          root.append(nav, toggle);
          const groups = new Map((doc.tags || []).map(t => [t.name, { description: t.description, ops: [] }]));
          for (const [path, item] of Object.entries(doc.paths || {})) {
            for (const method of ["get", "post", "put", "patch", "delete", "head", "options", "trace"]) {
              if (!item[method]) continue;
              const tag = (item[method].tags || ["other"])[0];
              if (!groups.has(tag)) groups.set(tag, { ops: [] });
              groups.get(tag).ops.push(operation(method, path, item[method]));
            }
          }
          for (const [name, group] of groups) {
            if (!group.ops.length) continue;
            const link = el("a", null, name);
            link.href = "#tag-" + encodeURIComponent(name);
            nav.append(link);
            const h = el("h2", null, name);
            h.id = "tag-" + name;
            root.append(h);
            if (group.description) root.append(el("p", "note", group.description));
            root.append(...group.ops);
          }
          const components = doc.components || {}, link = el("a", null, "components");
          link.href = "#components";
          nav.append(link);
          const h = el("h2", null, "Components");
          h.id = "components";
          root.append(h, el("h3", null, "Schemas"));
          for (const [name, schema] of Object.entries(components.schemas || {})) {
            const box = el("section", "schema"), title = el("h4", null, name);
            box.id = "schema-" + name;
            title.append(typeOf(schema));
            box.append(title);
            const n = notes(schema), list = fields(schema, new Set());
            if (n) box.append(n);
            if (list) box.append(list);
            root.append(box);
          }
          root.append(el("h3", null, "Responses"));
          const responses = el("ul", "fields");
          for (const [name, r] of Object.entries(components.responses || {})) {
            const item = el("li");
            item.append(el("code", "name", name), document.createTextNode(" " + (r.description || "")));
            content(item, r.content, false);
            responses.append(item);
          }
          root.append(responses, el("h3", null, "Security schemes"));
          for (const [name, s] of Object.entries(components.securitySchemes || {})) {
            root.append(el("p", null, name + ": " + [s.type, s.scheme, s.bearerFormat, s.description].filter(Boolean).join(", ")));
          }
        }
        fetch("/openapi.json", { headers: { accept: "application/json" } })
          .then(r => { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
          .then(d => { doc = d; render(); document.getElementById("status").remove(); })
          .catch(e => { document.getElementById("status").textContent = "Could not load /openapi.json: " + e.message; });
        </script>
        </body>
        </html>
        """#
}
