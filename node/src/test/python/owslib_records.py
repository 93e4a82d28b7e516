"""Drives a node's OGC API - Records with OWSLib and prints what it found as one JSON object.

Usage: owslib_records.py <landing page URL> <word of the public records> <word of a private record>
Run by OwsLibRecordsTest; needs Debian's python3-owslib.
"""
import json
import sys

from owslib.ogcapi.records import Records


def main(url, word, hidden_word):
    api = Records(url)
    out = {"landing_links": sorted(link["rel"] for link in api.links)}
    out["conformance"] = api.conformance()["conformsTo"]
    out["record_collections"] = api.records()
    out["collection"] = api.collection("datasets")["itemType"]
    out["queryables"] = sorted(api.collection_queryables("datasets")["properties"])

    first = api.collection_items("datasets", q=word, limit=2)
    second = api.collection_items("datasets", q=word, limit=2, offset=2)
    out["matched"] = first["numberMatched"]
    out["page_sizes"] = [first["numberReturned"], second["numberReturned"]]
    out["paged_ids"] = [f["id"] for f in first["features"] + second["features"]]
    out["next_link"] = any(link["rel"] == "next" for link in first["links"])

    boxed = api.collection_items("datasets", q=word, bbox=[126.9, 37.5, 127.0, 37.6])
    out["bbox_ids"] = [f["id"] for f in boxed["features"]]

    by_title = api.collection_items("datasets", q=word, sortby="title", limit=10)
    out["titles_sorted"] = [f["properties"]["title"] for f in by_title["features"]]

    some_id = first["features"][0]["id"]
    record = api.collection_item("datasets", some_id)
    out["record"] = {
        "id": record["id"],
        "type": record["type"],
        "geometry": record["geometry"]["type"] if record["geometry"] else None,
        "title": record["properties"]["title"],
        "alternate": sorted(l["type"] for l in record["links"] if l["rel"] == "alternate"),
    }
    by_external = api.collection_items("datasets", externalIds=some_id)
    out["external_ids"] = [f["id"] for f in by_external["features"]]

    hidden = api.collection_items("datasets", q=hidden_word)
    out["hidden_matched"] = hidden["numberMatched"]

    # q: comma-separated terms are alternatives (OGC API - Records); a term's words must all match
    either = api.collection_items("datasets", q=f"{word} alpha,{word} charlie", limit=10)
    out["either_ids"] = [f["id"] for f in either["features"]]
    both_words = api.collection_items("datasets", q=f"{word} alpha charlie", limit=10)
    out["all_words_matched"] = both_words["numberMatched"]

    paged = [f["id"] for f in first["features"] + second["features"]]
    by_ids = api.collection_items("datasets", ids=f"{paged[0]},{paged[2]}", limit=10)
    out["ids_asked"] = [paged[0], paged[2]]
    out["ids_found"] = [f["id"] for f in by_ids["features"]]

    try:
        api.collection_items("datasets", q=word, frobnicate="1")
        out["unknown_parameter"] = None
    except RuntimeError as refused:
        out["unknown_parameter"] = json.loads(str(refused))

    out["extent"] = api.collection("datasets").get("extent")
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:4])
