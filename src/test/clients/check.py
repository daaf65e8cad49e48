"""Run by .ci/clients beside the generated python client: calls every case through the client's API classes, reads
each answer with the client's models and writes it back with the client's serializer; writes {case, raw, back} per
line for .ci/clients to compare. Arguments: cases.json, the output file."""
import inspect
import json
import re
import sys
import traceback

import nqpf_client

cases_file, out_file = sys.argv[1:3]
with open(cases_file, encoding="utf-8") as f:
    cases = json.load(f)


def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def client_for(user):
    configuration = nqpf_client.Configuration(host=cases["baseUrl"])
    if user:
        configuration.username, configuration.password = user, cases["users"][user]
    return nqpf_client.ApiClient(configuration)


def call(c):
    api_client = client_for(c["user"])
    api = getattr(nqpf_client, c["api"] + "Api")(api_client)
    method = getattr(api, snake(c["op"]) + "_with_http_info")
    names = inspect.signature(method).parameters
    arguments = {}
    for name, value in c["params"].items():
        arguments[next(n for n in (snake(name), "var_" + snake(name)) if n in names)] = value
    if c["body"] is not None:
        if c["bodySchema"] is None:
            arguments["body"] = c["body"]
        else:
            arguments[snake(c["bodySchema"])] = getattr(nqpf_client, c["bodySchema"]).from_dict(c["body"])
    answer = method(**arguments)
    data = answer.data
    back = api_client.sanitize_for_serialization(data)
    return {"raw": json.loads(answer.raw_data), "back": back}


with open(out_file, "w", encoding="utf-8") as out:
    for c in cases["calls"]:
        try:
            line = {"case": c["case"], **call(c)}
        except Exception as e:  # noqa: BLE001 - every failure is a finding for this case
            line = {"case": c["case"], "error": "".join(traceback.format_exception(e))[-2000:]}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    serializer = client_for(None)
    for r in cases["reads"]:
        try:
            value = getattr(nqpf_client, r["schema"]).from_dict(r["json"])
            line = {"case": r["case"], "raw": r["json"], "back": serializer.sanitize_for_serialization(value)}
        except Exception as e:  # noqa: BLE001
            line = {"case": r["case"], "error": "".join(traceback.format_exception(e))[-2000:]}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
