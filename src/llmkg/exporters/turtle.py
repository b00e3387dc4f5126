"""RDF Turtle through rdflib (the optional extra `llmkg[rdf]`).

Records are `urn:llmkg:id:<id>`, relations `urn:llmkg:relation:<name>`. Dates are typed by their
precision (xsd:date, xsd:gYearMonth, xsd:gYear); cross-references that are web identities become
owl:sameAs (Wikidata) or schema:sameAs (arXiv, Hugging Face) links.
"""

from __future__ import annotations

from typing import Any

from ..credits import ATTRIBUTION, DATA_LICENCE_URL
from ..errors import ExportError
from ..questions.card import source_url
from .options import ExportOptions
from .sanitize import SEPARATOR, ExportGraph

BASE = "urn:llmkg:"


def render(graph: ExportGraph, options: ExportOptions) -> str:
    try:
        from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
        from rdflib.namespace import DCTERMS, OWL, SKOS
    except ImportError:
        raise ExportError("turtle export needs rdflib: pip install 'llmkg[rdf]'") from None
    ids = Namespace(BASE + "id:")
    relation = Namespace(BASE + "relation:")
    vocab = Namespace(BASE + "vocab:")
    schema = Namespace("https://schema.org/")
    rdf = Graph()
    for prefix, namespace in (("kg", ids), ("rel", relation), ("llmkg", vocab), ("schema", schema),
                              ("dcterms", DCTERMS), ("skos", SKOS), ("owl", OWL)):  # fmt: skip
        rdf.bind(prefix, namespace)

    def date_literal(text: str) -> Any:
        datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(text)]
        return Literal(text, datatype=datatype)

    mapped = {"kind", "label", "name", "name_ko", "aliases", "summary", "summary_ko", "date", "parameters",
              "sources", "wikidata", "arxiv", "huggingface"}  # fmt: skip
    for rid, attrs in graph.nodes:
        node = ids[rid]
        rdf.add((node, RDF.type, vocab[str(attrs["kind"]).capitalize()]))
        rdf.add((node, RDFS.label, Literal(str(attrs["label"]), lang="en")))
        if "name_ko" in attrs:
            rdf.add((node, RDFS.label, Literal(str(attrs["name_ko"]), lang="ko")))
        for alias in str(attrs.get("aliases", "")).split(SEPARATOR) if attrs.get("aliases") else []:
            rdf.add((node, SKOS.altLabel, Literal(alias)))
        for key, language in (("summary", "en"), ("summary_ko", "ko")):
            if key in attrs:
                rdf.add((node, schema.description, Literal(str(attrs[key]), lang=language)))
        if "date" in attrs:
            rdf.add((node, DCTERMS.date, date_literal(str(attrs["date"]))))
        if "parameters" in attrs:
            rdf.add((node, vocab.parameters, Literal(attrs["parameters"], datatype=XSD.long)))
        for key, value in attrs.items():  # every other attribute, typed as it is
            if key in mapped:
                continue
            if isinstance(value, bool):
                rdf.add((node, vocab[key], Literal(value, datatype=XSD.boolean)))
            elif isinstance(value, int):
                rdf.add((node, vocab[key], Literal(value, datatype=XSD.long)))
            elif isinstance(value, float):
                rdf.add((node, vocab[key], Literal(value, datatype=XSD.double)))
            else:
                rdf.add((node, vocab[key], Literal(str(value))))
        for source in str(attrs.get("sources", "")).split(SEPARATOR) if attrs.get("sources") else []:
            rdf.add((node, DCTERMS.source, URIRef(source_url(source))))
        if "wikidata" in attrs:
            rdf.add((node, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/{attrs['wikidata']}")))
        if "arxiv" in attrs:
            rdf.add((node, schema.sameAs, URIRef(f"https://arxiv.org/abs/{attrs['arxiv']}")))
        if "huggingface" in attrs:
            rdf.add((node, schema.sameAs, URIRef(f"https://huggingface.co/{attrs['huggingface']}")))
    for source, target, _key, attrs in graph.edges:
        rdf.add((ids[source], relation[str(attrs["relation"])], ids[target]))
    dataset = URIRef(BASE + "dataset")  # the data's licence and credit (data/LICENSE.md)
    rdf.add((dataset, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")))
    rdf.add((dataset, DCTERMS.title, Literal("llmkg: a knowledge graph of the history of language models")))
    rdf.add((dataset, DCTERMS.license, URIRef(DATA_LICENCE_URL)))
    rdf.add((dataset, DCTERMS.rights, Literal(ATTRIBUTION)))
    return str(rdf.serialize(format="turtle"))
