"""The schema checks can fail: a valid GraphML and a valid GEXF 1.3 document,
each broken in one way per rule, must be refused, and for the right reason
(the schema's own rules by the schema, the others by the Python checks).

The base documents use every feature the rules talk about (typed keys with
defaults, nested graphs, ports, hyperedges; attribute classes, hierarchy,
every viz element), so each break touches a document that is otherwise
valid: the first tests prove they are.
"""

import pytest

from schema_checks import gexf_errors, graphml_errors

GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xlink="http://www.w3.org/1999/xlink">
  <desc>A sample that uses every rule under test.</desc>
  <key id="k_age" for="node" attr.name="age" attr.type="int"><default>30</default></key>
  <key id="k_seen" for="node" attr.name="seen" attr.type="boolean"/>
  <key id="k_w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="k_note" for="all" attr.name="note" attr.type="string"/>
  <key id="k_how" for="node" attr.name="How_long" attr.type="string"><desc>How long</desc></key>
  <graph id="G" edgedefault="undirected">
    <data key="k_note">a sample</data>
    <node id="a"><data key="k_age">41</data><data key="k_seen">true</data><port name="north"/></node>
    <node id="b"><data key="k_how">years</data><graph id="G2" edgedefault="directed"><node id="b1"/><node id="b2"/><edge source="b1" target="b2"/></graph></node>
    <edge id="e1" source="a" target="b" sourceport="north" directed="true"><data key="k_w">2.5</data></edge>
    <hyperedge id="h1"><endpoint node="a" port="north" type="in"/><endpoint node="b" type="out"/></hyperedge>
  </graph>
</graphml>
"""

GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-05-01"><creator>Weave tests</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="0" title="age" type="long"><default>30</default></attribute>
      <attribute id="1" title="carer" type="boolean"/>
    </attributes>
    <attributes class="edge">
      <attribute id="e0" title="how often" type="string"/>
    </attributes>
    <nodes>
      <node id="a" label="Ann">
        <attvalues><attvalue for="0" value="41"/><attvalue for="1" value="true"/></attvalues>
        <viz:color r="239" g="173" b="66" a="0.6"/>
        <viz:position x="15.5" y="-40.0" z="0.0"/>
        <viz:size value="2.5"/>
        <viz:shape value="disc"/>
      </node>
      <node id="b" label="Hall"><viz:color hex="#FF0022"/></node>
      <node id="c" pid="b"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" weight="2.0" type="directed">
        <attvalues><attvalue for="e0" value="weekly"/></attvalues>
        <viz:thickness value="1.5"/><viz:shape value="dotted"/>
      </edge>
      <edge id="1" source="b" target="c"/>
    </edges>
  </graph>
</gexf>
"""


EDGES_BLOCK = GEXF[GEXF.index("    <edges>") : GEXF.index("</edges>\n") + len("</edges>\n")]


def swap(doc, old, new):
    """`doc` with its one occurrence of `old` replaced (a break that does
    not apply would prove nothing, so `old` must occur exactly once)."""
    old = EDGES_BLOCK if old == "EDGES_BLOCK" else old
    assert doc.count(old) == 1, f"{old!r} occurs {doc.count(old)} times"
    return doc.replace(old, new)


# (rule, old, new, who refuses it: "schema", "python", or "either" where the
# schema states the rule but xmlschema misses it, as it does for constraints
# of an element that contains a nested copy of itself)
GRAPHML_BREAKS = [
    ("structure: an element GraphML does not have", '<node id="a">', '<vertex id="v"/><node id="a">', "schema"),
    ("structure: keys come before graphs", "</graph>\n</graphml>", '</graph>\n  <key id="late" for="node"/>\n</graphml>', "schema"),
    ("structure: an edge needs a target", 'source="a" target="b" sourceport', 'source="a" sourceport', "schema"),
    ("attr.type is one of the six GraphML types", 'attr.type="int"', 'attr.type="integer"', "schema"),
    ("for is one of the GraphML domains", 'for="all"', 'for="everything"', "schema"),
    ("attr.name is an NMTOKEN", 'attr.name="age"', 'attr.name="How long"', "schema"),
    ("a node id is an NMTOKEN", '<node id="b">', '<node id="two words"/><node id="b">', "schema"),
    ("edgedefault is required", '<graph id="G" edgedefault="undirected">', '<graph id="G">', "schema"),
    ("edgedefault is directed or undirected", 'edgedefault="undirected"', 'edgedefault="both"', "schema"),
    ("directed is a boolean", 'directed="true"', 'directed="yes"', "schema"),
    ("an endpoint is in, out or undir", 'type="in"', 'type="sideways"', "schema"),
    ("key ids are unique", '<key id="k_seen"', '<key id="k_age"', "schema"),
    ("every data@key names a key", '<data key="k_age">41', '<data key="k_ghost">41', "schema"),
    ("node ids are unique in a graph", '<node id="b">', '<node id="a"/><node id="b">', "schema"),
    ("node ids are unique in the document", "</graph>\n</graphml>", '</graph>\n  <graph edgedefault="directed"><node id="a"/></graph>\n</graphml>', "schema"),
    ("graph ids are unique", 'id="G2"', 'id="G"', "schema"),
    ("edge ids are unique", '<hyperedge id="h1">', '<edge id="e1" source="a" target="b"/><hyperedge id="h1">', "schema"),
    ("an edge source names a node", 'source="a" target="b"', 'source="ghost" target="b"', "schema"),
    ("an edge target names a node", 'target="b" sourceport', 'target="ghost" sourceport', "schema"),
    ("an edge in a nested graph joins nodes of that graph", 'source="b1" target="b2"', 'source="b1" target="a"', "python"),
    ("an endpoint names a node", '<endpoint node="b"', '<endpoint node="ghost"', "schema"),
    ("one value per key on an element", '<data key="k_age">41</data>', '<data key="k_age">41</data><data key="k_age">42</data>', "schema"),
    ("one value per key, also across a nested graph", '<hyperedge id="h1">', '<data key="k_note">again</data><hyperedge id="h1">', "either"),
    ("data names a key for its own kind of element", '<data key="k_seen">true</data>', '<data key="k_seen">true</data><data key="k_w">1.0</data>', "python"),
    ("an int value is an integer", ">41<", ">forty-one<", "python"),
    ("an int value fits 32 bits", ">41<", ">3000000000<", "python"),
    ("a boolean value is true/false/1/0", ">true<", ">yes<", "python"),
    ("a double value is an xs:double", ">2.5<", ">2,5<", "python"),
    ("a default fits its key's type", "<default>30</default>", "<default>thirty</default>", "python"),
    ("sourceport names a port of the source", 'sourceport="north"', 'sourceport="south"', "python"),
    ("an endpoint's port is a port of its node", 'port="north" type="in"', 'port="south" type="in"', "python"),
    ("a locator has xlink:href", '<data key="k_how">years</data><graph id="G2" edgedefault="directed"><node id="b1"/><node id="b2"/><edge source="b1" target="b2"/></graph>', "<locator/>", "python"),
]

# What valid GraphML may also do, so the rules above are not just strictness.
GRAPHML_ALSO_VALID = [
    ("yEd-style foreign content in data", '<data key="k_note">a sample</data>', '<data key="k_note"><y:Label xmlns:y="http://www.yworks.com/xml/graphml">x</y:Label></data>'),
    ("a locator with its href", '<data key="k_how">years</data><graph id="G2" edgedefault="directed"><node id="b1"/><node id="b2"/><edge source="b1" target="b2"/></graph>', '<locator xlink:href="other.graphml"/>'),
    ("parse-info hints", '<graph id="G" edgedefault="undirected">', '<graph id="G" edgedefault="undirected" parse.order="free" parse.nodes="5" parse.nodeids="free">'),
    ("a key without attr.type or for", '<key id="k_note" for="all" attr.name="note" attr.type="string"/>', '<key id="k_note"/>'),
]

GEXF_BREAKS = [
    ("version is 1.3", 'version="1.3"', 'version="1.2"', "schema"),
    ("structure: an element GEXF does not have", '<node id="c" pid="b"/>', '<node id="c" pid="b"/><vertex id="v"/>', "schema"),
    ("structure: a graph has an edges element", "EDGES_BLOCK", "", "schema"),
    ("attributes has no mode in 1.3", '<attributes class="node">', '<attributes class="node" mode="static">', "schema"),
    ("attributes class is node or edge", '<attributes class="edge">', '<attributes class="graph">', "schema"),
    ("attribute type is a GEXF type", 'type="long"', 'type="int"', "schema"),
    ("an attribute has a title", 'title="carer" ', "", "schema"),
    ("attribute ids are unique in a declaration", '<attribute id="1"', '<attribute id="0"', "schema"),
    ("defaultedgetype is directed, undirected or mutual", 'defaultedgetype="undirected"', 'defaultedgetype="bidirected"', "schema"),
    ("edge type is directed, undirected or mutual", 'type="directed"', 'type="both"', "schema"),
    ("weight is a double", 'weight="2.0"', 'weight="heavy"', "schema"),
    ("lastmodifieddate is a date", "2024-05-01", "yesterday", "schema"),
    ("node ids are unique", '<node id="c" pid="b"/>', '<node id="c" pid="b"/><node id="a"/>', "schema"),
    ("edge ids are unique", '<edge id="1"', '<edge id="0"', "schema"),
    ("an edge source names a node", 'source="a" target="b"', 'source="ghost" target="b"', "schema"),
    ("an edge target names a node", 'source="b" target="c"', 'source="b" target="ghost"', "schema"),
    ("pid names a node", 'pid="b"', 'pid="ghost"', "schema"),
    ("a parent names a node", '<node id="c" pid="b"/>', '<node id="c" pid="b"><parents><parent for="ghost"/></parents></node>', "schema"),
    ("viz colour channels are 0..255", 'r="239"', 'r="300"', "schema"),
    ("viz alpha is 0..1", 'a="0.6"', 'a="1.5"', "schema"),
    ("viz hex is #RRGGBB", 'hex="#FF0022"', 'hex="#FF002280"', "schema"),
    ("viz size is not negative", '<viz:size value="2.5"/>', '<viz:size value="-1"/>', "schema"),
    ("viz thickness is not negative", '<viz:thickness value="1.5"/>', '<viz:thickness value="-0.5"/>', "schema"),
    ("viz position has x and y", 'x="15.5" y="-40.0"', 'x="15.5"', "schema"),
    ("viz position is numeric", 'y="-40.0"', 'y="north"', "schema"),
    ("viz shape is a known shape", 'value="disc"', 'value="star"', "schema"),
    ("a node has one viz colour", '<viz:shape value="disc"/>', '<viz:shape value="disc"/><viz:color r="1" g="2" b="3"/>', "schema"),
    ("viz is in the 1.3 viz namespace", 'xmlns:viz="http://gexf.net/1.3/viz"', 'xmlns:viz="http://www.gexf.net/1.2draft/viz"', "schema"),
    ("an attvalue names a declared attribute", 'for="1" value="true"', 'for="7" value="true"', "python"),
    ("a node attvalue names a node attribute", 'for="1" value="true"', 'for="e0" value="true"', "python"),
    ("a long value is an integer", 'value="41"', 'value="forty-one"', "python"),
    ("a boolean value is true/false/1/0", 'for="1" value="true"', 'for="1" value="yes"', "python"),
    ("a default fits its attribute's type", "<default>30</default>", "<default>thirty</default>", "python"),
    ("attribute ids are unique in a class", '<attributes class="edge">', '<attributes class="node"><attribute id="0" title="again" type="string"/></attributes>\n    <attributes class="edge">', "python"),
    ("a viz colour has r, g and b, or hex", '<viz:color hex="#FF0022"/>', '<viz:color r="255"/>', "python"),
    ("a node's shape is a node shape", 'value="disc"', 'value="dotted"', "python"),
    ("an edge's shape is an edge shape", 'value="dotted"', 'value="disc"', "python"),
    ("idtype integer means integer ids", '<graph defaultedgetype', '<graph idtype="integer" defaultedgetype', "python"),
]

GEXF_ALSO_VALID = [
    ("no meta, no attributes", '  <meta lastmodifieddate="2024-05-01"><creator>Weave tests</creator></meta>\n', ""),
    ("node children in another order", '<viz:size value="2.5"/>\n        <viz:shape value="disc"/>', '<viz:shape value="disc"/>\n        <viz:size value="2.5"/>'),
    ("a position without z", ' z="0.0"', ""),
    ("attribute options", "<default>30</default>", "<default>30</default><options>30|40</options>"),
    ("spells on a node", '<node id="c" pid="b"/>', '<node id="c" pid="b"><spells><spell start="2001" end="2004"/></spells></node>'),
]


def test_the_base_documents_are_valid():
    assert graphml_errors(GRAPHML) == []
    assert gexf_errors(GEXF) == []


@pytest.mark.parametrize("rule,old,new", GRAPHML_ALSO_VALID, ids=[b[0] for b in GRAPHML_ALSO_VALID])
def test_graphml_accepts(rule, old, new):
    assert graphml_errors(swap(GRAPHML, old, new)) == []


@pytest.mark.parametrize("rule,old,new", GEXF_ALSO_VALID, ids=[b[0] for b in GEXF_ALSO_VALID])
def test_gexf_accepts(rule, old, new):
    assert gexf_errors(swap(GEXF, old, new)) == []


def _refused(errors, by):
    assert errors, "the broken document was accepted"
    if by == "either":
        return
    from_schema = all(e.startswith("schema:") for e in errors)
    assert from_schema == (by == "schema"), errors


@pytest.mark.parametrize("rule,old,new,by", GRAPHML_BREAKS, ids=[b[0] for b in GRAPHML_BREAKS])
def test_graphml_refuses(rule, old, new, by):
    _refused(graphml_errors(swap(GRAPHML, old, new)), by)


@pytest.mark.parametrize("rule,old,new,by", GEXF_BREAKS, ids=[b[0] for b in GEXF_BREAKS])
def test_gexf_refuses(rule, old, new, by):
    _refused(gexf_errors(swap(GEXF, old, new)), by)
