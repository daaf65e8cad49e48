// Run by .ci/clients inside the generated typescript-fetch client: calls every case through the client's API
// classes, reads each answer with the client's models (XFromJSON) and writes it back with them (XToJSON); writes
// {case, raw, back} per line for .ci/clients to compare. Arguments: cases.json, the output file.
import * as client from "./index";

// Node's own modules, without @types/node
declare const require: (name: string) => any;
declare const process: { argv: string[] };
const fs = require("fs");

const generated: any = client;
const [casesFile, outFile] = process.argv.slice(2);
const cases = JSON.parse(fs.readFileSync(casesFile, "utf-8"));
const lines: string[] = [];
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
// the JSON that the client's serializer produces: Dates as ISO strings, undefined dropped
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

async function call(c: any): Promise<{ raw: unknown; back: unknown }> {
    const user = c.user ? { username: c.user, password: cases.users[c.user] } : {};
    const api = new generated[c.api + "Api"](new client.Configuration({ basePath: cases.baseUrl, ...user }));
    const request: any = { ...c.params };
    if (c.body !== null) {
        if (c.bodySchema === null) {
            request.body = c.body;
        } else {
            request[lowerFirst(c.bodySchema)] = generated[c.bodySchema + "FromJSON"](c.body);
        }
    }
    const answer = await api[c.op + "Raw"](request);
    const raw = await answer.raw.clone().json();
    const value = await answer.value();
    const write = generated[c.schema + "ToJSON"];
    return { raw, back: plain(c.array ? value.map(write) : write(value)) };
}

async function main() {
    for (const c of cases.calls) {
        try {
            lines.push(JSON.stringify({ case: c.case, ...(await call(c)) }));
        } catch (e: any) {
            const detail = e?.response ? `${e.response.status} ${await e.response.text()}` : String(e?.stack ?? e);
            lines.push(JSON.stringify({ case: c.case, error: detail }));
        }
    }
    for (const r of cases.reads) {
        try {
            const value = generated[r.schema + "FromJSON"](r.json);
            lines.push(JSON.stringify({ case: r.case, raw: r.json, back: plain(generated[r.schema + "ToJSON"](value)) }));
        } catch (e: any) {
            lines.push(JSON.stringify({ case: r.case, error: String(e?.stack ?? e) }));
        }
    }
    fs.writeFileSync(outFile, lines.join("\n") + "\n");
}

main();
