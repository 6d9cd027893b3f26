"""Confluent's Python client (Debian's python3-confluent-kafka) against GroundStream's registry.

Run by PythonClientInteropTest: python3 interop.py <registry-url>. Prints one line per check and
"N checks passed" at the end; exits non-zero on the first failure.
"""
import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

client = SchemaRegistryClient({"url": sys.argv[1]})
passed = 0


def ok(name):
    global passed
    passed += 1
    print("ok " + name, flush=True)


def error_code(call):
    try:
        call()
    except SchemaRegistryError as e:
        return e.error_code
    raise AssertionError("expected a registry error")


ADDRESS = json.dumps({"type": "record", "name": "Address", "namespace": "shared",
                      "fields": [{"name": "street", "type": "string"}]})
PERSON = json.dumps({"type": "record", "name": "Person", "namespace": "people",
                     "fields": [{"name": "home", "type": "shared.Address"}]})
USER = json.dumps({"type": "record", "name": "User", "namespace": "py",
                   "fields": [{"name": "name", "type": "string"}]})
USER_EMAIL = json.dumps({"type": "record", "name": "User", "namespace": "py",
                         "fields": [{"name": "name", "type": "string"},
                                    {"name": "email", "type": ["null", "string"],
                                     "default": None}]})
USER_AGE = json.dumps({"type": "record", "name": "User", "namespace": "py",
                       "fields": [{"name": "name", "type": "string"},
                                  {"name": "age", "type": "int"}]})

user_id = client.register_schema("py-user-value", Schema(USER, "AVRO"))
found = client.lookup_schema("py-user-value", Schema(USER, "AVRO"))
assert (found.schema_id, found.version) == (user_id, 1), found
ok("register and lookup")
assert json.loads(client.get_schema(user_id).schema_str) == json.loads(USER)
ok("schema by id")
assert client.test_compatibility("py-user-value", Schema(USER_EMAIL, "AVRO"))
assert not client.test_compatibility("py-user-value", Schema(USER_AGE, "AVRO"))
ok("compatibility")
assert error_code(lambda: client.register_schema("py-user-value", Schema(USER_AGE, "AVRO"))) == 409
assert error_code(lambda: client.get_latest_version("py-missing-value")) == 40401
assert error_code(lambda: client.get_schema(987654)) == 40403
ok("error codes")
client.set_compatibility("py-user-value", "NONE")
assert client.get_compatibility("py-user-value") == "NONE"
client.register_schema("py-user-value", Schema(USER_AGE, "AVRO"))
assert client.get_latest_version("py-user-value").version == 2
ok("config")

client.register_schema("py-address", Schema(ADDRESS, "AVRO"))
person_id = client.register_schema("py-person-value", Schema(
    PERSON, "AVRO", [SchemaReference("shared.Address", "py-address", 1)]))
person = client.get_schema(person_id)
assert [(r.name, r.subject, r.version) for r in person.references] == [
    ("shared.Address", "py-address", 1)], person.references
ok("references")
assert error_code(lambda: client.delete_version("py-address", 1)) == 42206
ok("referenced version protected")
assert client.delete_subject("py-user-value") == [1, 2]
assert "py-user-value" not in client.get_subjects()
ok("delete subject")
print("%d checks passed" % passed)
