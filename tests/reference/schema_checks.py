"""Validation of GraphML and GEXF documents against Weave's own schemas
(tests/fixtures/formats/schemas/, see the README there), plus the rules XML
Schema 1.0 cannot state, checked here in Python.

`graphml_errors(text)` and `gexf_errors(text)` return every problem found
(empty when the document is valid); `assert_valid_graphml` and
`assert_valid_gexf` fail a test with them.
"""

import functools
import pathlib
import re

import xmlschema
from lxml import etree

SCHEMAS = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "formats" / "schemas"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XLINK_NS = "http://www.w3.org/1999/xlink"

# The lexical forms of xs:double / xs:float and xs:integer, after whitespace
# is collapsed (XML Schema Part 2, 3.2.4-5 and 3.3.13).
DOUBLE = re.compile(r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN")
INTEGER = re.compile(r"[+-]?\d+")
BOOLEAN = {"true", "false", "1", "0"}


@functools.cache
def graphml_schema():
    return xmlschema.XMLSchema(SCHEMAS / "graphml-1.0.xsd")


@functools.cache
def gexf_schema():
    return xmlschema.XMLSchema(SCHEMAS / "gexf-1.3.xsd")


def _text(source):
    return source.read_text(encoding="utf-8") if isinstance(source, pathlib.Path) else source


def _schema_errors(schema, text):
    return [f"schema: {e.reason} (at {e.path})" for e in schema.iter_errors(text)]


def _integer_in(value, bits):
    v = value.strip()
    return bool(INTEGER.fullmatch(v)) and -(2 ** (bits - 1)) <= int(v) < 2 ** (bits - 1)


# ---------- GraphML ----------

GRAPHML_TYPES = {
    "boolean": lambda v: v.strip() in BOOLEAN,
    "int": lambda v: _integer_in(v, 32),
    "long": lambda v: _integer_in(v, 64),
    "float": lambda v: bool(DOUBLE.fullmatch(v.strip())),
    "double": lambda v: bool(DOUBLE.fullmatch(v.strip())),
    "string": lambda v: True,
}


def _g(tag):
    return f"{{{GRAPHML_NS}}}{tag}"


def graphml_errors(source):
    """The schema's verdict, then (on a structurally valid document) the
    GraphML rules it cannot express:

    - an element holds at most one `data` per key (the schema says so too,
      but xmlschema forgets it across a nested graph);
    - a `data` element names a key declared for its own kind of element
      (`for` equal to the element's name, or `all`), as the specification's
      attribute extension requires;
    - data and default values are in the value space of the key's
      `attr.type` (int is 32-bit and long 64-bit, as in Java and C);
    - an edge's `sourceport`/`targetport` and an endpoint's `port` name a
      port of that very node;
    - a `locator` has an `xlink:href`;
    - an edge joins nodes of the graph it is declared in (the Primer: an
      edge is declared in a graph that holds both its ends), and so does a
      hyperedge; the schema checks only that they are nodes of the document.
    """
    text = _text(source)
    errors = _schema_errors(graphml_schema(), text)
    if errors:
        return errors
    root = etree.fromstring(text.encode("utf-8"))
    keys = {k.get("id"): k for k in root.iter(_g("key"))}
    for key in keys.values():
        default = key.find(_g("default"))
        ty = key.get("attr.type", "string")
        if default is not None and not GRAPHML_TYPES[ty](default.text or ""):
            errors.append(f"default {default.text!r} of key {key.get('id')} is not a {ty}")
    for holder in root.iter():
        seen = [d.get("key") for d in holder.iterfind(_g("data"))]
        for k in {k for k in seen if seen.count(k) > 1}:
            errors.append(f"<{etree.QName(holder).localname} id={holder.get('id')}> has two values for key {k}")
    for data in root.iter(_g("data")):
        key = keys[data.get("key")]
        holder = etree.QName(data.getparent()).localname
        domain = key.get("for", "all")
        if domain not in ("all", holder):
            errors.append(f"<{holder}> holds data for key {key.get('id')}, which is for {domain}")
        ty = key.get("attr.type", "string")
        value = "".join(data.itertext())
        if not GRAPHML_TYPES[ty](value):
            errors.append(f"data {value!r} for key {key.get('id')} is not a {ty}")
    nodes = {n.get("id"): n for n in root.iter(_g("node"))}

    def port_of(node_id, port):
        return any(p.get("name") == port for p in nodes[node_id].iter(_g("port")))

    for edge in root.iter(_g("edge")):
        for end, port_attr in (("source", "sourceport"), ("target", "targetport")):
            port = edge.get(port_attr)
            if port is not None and not port_of(edge.get(end), port):
                errors.append(f"{port_attr} {port!r} is no port of node {edge.get(end)}")
    for endpoint in root.iter(_g("endpoint")):
        port = endpoint.get("port")
        if port is not None and not port_of(endpoint.get("node"), port):
            errors.append(f"endpoint port {port!r} is no port of node {endpoint.get('node')}")
    for edge in [*root.iter(_g("edge")), *root.iter(_g("hyperedge"))]:
        graph = edge.getparent()
        inside = {n.get("id") for n in graph.iter(_g("node"))}
        ends = [edge.get("source"), edge.get("target")] if edge.tag == _g("edge") else [
            p.get("node") for p in edge.iter(_g("endpoint"))
        ]
        for end in ends:
            if end not in inside:
                errors.append(f"{etree.QName(edge).localname} in graph {graph.get('id')} reaches node {end} outside it")
    for locator in root.iter(_g("locator")):
        if locator.get(f"{{{XLINK_NS}}}href") is None:
            errors.append("<locator> without xlink:href")
    return errors


def assert_valid_graphml(source):
    errors = graphml_errors(source)
    assert not errors, f"{source}: " + "; ".join(errors[:10])


# ---------- GEXF 1.3 ----------

GEXF_TYPES = {
    "boolean": lambda v: v.strip() in BOOLEAN,
    "byte": lambda v: _integer_in(v, 8),
    "short": lambda v: _integer_in(v, 16),
    "integer": lambda v: _integer_in(v, 32),
    "long": lambda v: _integer_in(v, 64),
    "biginteger": lambda v: bool(INTEGER.fullmatch(v.strip())),
    "float": lambda v: bool(DOUBLE.fullmatch(v.strip())),
    "double": lambda v: bool(DOUBLE.fullmatch(v.strip())),
    "bigdecimal": lambda v: bool(DOUBLE.fullmatch(v.strip())),
    "char": lambda v: len(v) == 1,
}
NODE_SHAPES = {"disc", "square", "triangle", "diamond", "image"}
EDGE_SHAPES = {"solid", "dotted", "dashed", "double"}


def _x(tag):
    return f"{{{GEXF_NS}}}{tag}"


def _v(tag):
    return f"{{{VIZ_NS}}}{tag}"


def gexf_errors(source):
    """The schema's verdict, then (on a structurally valid document) the
    GEXF rules it cannot express:

    - attribute ids are unique within a class, across all of that class's
      `<attributes>` declarations;
    - an `attvalue` names an attribute declared for its own class (a node's
      attvalue a node attribute, an edge's an edge attribute), and its value
      (like each `<default>`) fits the declared type;
    - a `viz:color` gives either all of r, g and b, or hex;
    - `viz:shape` holds a node shape on a node and an edge shape on an edge;
    - with `idtype="integer"`, every node id and edge end is an integer.
    """
    text = _text(source)
    errors = _schema_errors(gexf_schema(), text)
    if errors:
        return errors
    root = etree.fromstring(text.encode("utf-8"))
    declared = {"node": {}, "edge": {}}
    for decls in root.iter(_x("attributes")):
        cls = decls.get("class")
        for a in decls.iter(_x("attribute")):
            if a.get("id") in declared[cls]:
                errors.append(f"{cls} attribute id {a.get('id')!r} is declared twice")
            declared[cls][a.get("id")] = a.get("type")
            default = a.find(_x("default"))
            check = GEXF_TYPES.get(a.get("type"))
            if default is not None and check and not check(default.text or ""):
                errors.append(f"default {default.text!r} of {a.get('title')!r} is not a {a.get('type')}")
    for cls in ("node", "edge"):
        for holder in root.iter(_x(cls)):
            for v in holder.iterfind(f"{_x('attvalues')}/{_x('attvalue')}"):
                ty = declared[cls].get(v.get("for"))
                if ty is None:
                    errors.append(f"{cls} {holder.get('id')}: attvalue for {v.get('for')!r}, no {cls} attribute")
                elif ty in GEXF_TYPES and not GEXF_TYPES[ty](v.get("value")):
                    errors.append(f"{cls} {holder.get('id')}: {v.get('value')!r} is not a {ty}")
    for colour in root.iter(_v("color")):
        if colour.get("hex") is None and any(colour.get(c) is None for c in "rgb"):
            errors.append(f"viz:color {dict(colour.attrib)} needs r, g and b, or hex")
    for shape in root.iter(_v("shape")):
        on = etree.QName(shape.getparent()).localname
        allowed = NODE_SHAPES if on == "node" else EDGE_SHAPES
        if shape.get("value") not in allowed:
            errors.append(f"viz:shape {shape.get('value')!r} is not a shape of an {on}")
    graph = root.find(_x("graph"))
    if graph.get("idtype") == "integer":
        ids = [n.get("id") for n in root.iter(_x("node"))]
        ids += [e.get(end) for e in root.iter(_x("edge")) for end in ("source", "target")]
        errors += [f"id {i!r} is not an integer (idtype=integer)" for i in ids if not INTEGER.fullmatch(i.strip())]
    return errors


def assert_valid_gexf(source):
    errors = gexf_errors(source)
    assert not errors, f"{source}: " + "; ".join(errors[:10])
