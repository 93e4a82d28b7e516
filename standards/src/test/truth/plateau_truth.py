#!/usr/bin/env python3
"""Independent truth for the CityGML inspection tests.

Computes, with nothing but the standard library's xml.etree, what the Java CityGmlInspector must
report for every CityGML file under the PLATEAU test data (testdata/plateau), and writes it as
JSON. It shares no code with the Java implementation; where the two must agree on a rule, the rule
is written here again from the CityGML / GML specifications:

- citygmlVersion: the version segment of the root element's namespace (http://www.opengis.net/citygml/2.0).
- adeNamespaces: namespaces declared on the root that are not OGC / W3C / OASIS / schematron ones.
- iurVersion: the version segment of the i-UR uro (else urf) namespace among them.
- crs: the first srsName in document order, as an EPSG code.
- bbox: min/max over every coordinate tuple of gml:pos, gml:posList and gml:coordinates (not the
  gml:Envelope corners), the tuple size being the nearest srsDimension on the element or its
  ancestors, else the one of the root's gml:Envelope, else 3. EPSG:6697 and 6668 list latitude
  first; the output is [minLon, minLat, maxLon, maxLat] (JGD2011 is taken equal to WGS84).
- lods: N for each lodN... property that holds a GML geometry (or points to one by xlink:href),
  plus the integer value of dem:lod.
- counts: top-level features (children of core:cityObjectMember / gml:featureMember of the root),
  keyed prefix:LocalName with the prefix declared in the file.
- meshCode / featureType / crsToken: the first three '_' tokens of the file name.

Usage: plateau_truth.py <plateau-dir> <output.json>
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

GML = 'http://www.opengis.net/gml'
GML32 = 'http://www.opengis.net/gml/3.2'
XLINK = 'http://www.w3.org/1999/xlink'
STANDARD_PREFIXES = ('http://www.opengis.net/', 'http://www.w3.org/', 'urn:oasis:names:tc:ciq',
                     'http://www.ascc.net/xml/schematron')
LAT_FIRST = {'4326', '4612', '6668', '6697'}


def split(tag):
    ns, local = tag[1:].split('}')
    return ns, local


def epsg_code(srs):
    m = re.search(r'EPSG(?:/0/|::|:)(\d+)$', srs)
    return m.group(1) if m else None


def inspect(path):
    root_ns = {}
    prefixes = {}
    stack = []          # (element, srsDimension inherited)
    first_srs = None
    env_dim = None
    lods = set()
    counts = {}
    coords = [float('inf'), float('inf'), float('-inf'), float('-inf')]  # min a0, min a1, max a0, max a1
    pending_ns = []
    for event, item in ET.iterparse(path, events=('start-ns', 'start', 'end')):
        if event == 'start-ns':
            pending_ns.append(item)
            continue
        if event == 'start':
            el = item
            if not stack:
                root_ns = dict((uri, prefix) for prefix, uri in pending_ns)
            for prefix, uri in pending_ns:
                prefixes.setdefault(uri, prefix)
            pending_ns = []
            if first_srs is None and el.get('srsName'):
                first_srs = el.get('srsName')
            inherited = stack[-1][1] if stack else None
            dim = el.get('srsDimension') or inherited
            stack.append((el, dim))
            ns, local = split(el.tag)
            if local == 'Envelope' and len(stack) == 3 and env_dim is None:
                env_dim = el.get('srsDimension')
            if len(stack) == 3 and split(stack[1][0].tag)[1] in ('cityObjectMember', 'featureMember'):
                key = prefixes.get(ns, '') + ':' + local
                counts[key] = counts.get(key, 0) + 1
            continue
        el = item
        ns, local = split(el.tag)
        dim = stack[-1][1]
        if ns in (GML, GML32) and local in ('pos', 'posList', 'coordinates'):
            n = int(dim or env_dim or 3)
            text = (el.text or '').strip()
            if local == 'coordinates':
                tuples = [t.split(',') for t in text.split()]
            else:
                values = text.split()
                tuples = [values[i:i + n] for i in range(0, len(values), n)]
            for t in tuples:
                a0, a1 = float(t[0]), float(t[1])
                coords[0] = min(coords[0], a0)
                coords[1] = min(coords[1], a1)
                coords[2] = max(coords[2], a0)
                coords[3] = max(coords[3], a1)
        m = re.match(r'lod([0-4])[A-Z]', local)
        if m:
            has_geometry = any(split(c.tag)[0] in (GML, GML32) for c in el) or el.get('{%s}href' % XLINK)
            if has_geometry:
                lods.add(int(m.group(1)))
        if local == 'lod' and ns.startswith('http://www.opengis.net/citygml/relief/'):
            lods.add(int(el.text.strip()))
        stack.pop()
        if len(stack) > 1:
            el.clear()  # keep memory flat; the root keeps its (emptied) children
    root_tag_ns = None
    with open(path, 'rb') as f:
        for _, el in ET.iterparse(f, events=('start',)):
            root_tag_ns = split(el.tag)[0]
            break
    m = re.match(r'http://www\.opengis\.net/citygml/(\d\.\d)$', root_tag_ns)
    ade = sorted(u for u in root_ns if not u.startswith(STANDARD_PREFIXES))
    iur = None
    for kind in ('uro', 'urf'):
        for u in ade:
            mm = re.search(r'/iur/%s/(\d+\.\d+)$' % kind, u)
            if mm and iur is None:
                iur = mm.group(1)
    code = epsg_code(first_srs) if first_srs else None
    if code in LAT_FIRST:
        bbox = [coords[1], coords[0], coords[3], coords[2]]
    else:
        bbox = None  # the samples only use geographic JGD2011; projected CRSs are not in the truth
    tokens = os.path.basename(path)[:-len('.gml')].split('_')
    return {
        'citygmlVersion': m.group(1) if m else None,
        'adeNamespaces': ade,
        'iurVersion': iur,
        'epsg': int(code) if code else None,
        'bbox': bbox,
        'lods': sorted(lods),
        'counts': dict(sorted(counts.items())),
        'meshCode': tokens[0],
        'featureType': tokens[1],
        'crsToken': tokens[2],
    }


def package_name(folder):
    tokens = folder.split('_')
    year = next((t for t in tokens[2:] if re.fullmatch(r'\d{4}', t)), None)
    return {'cityCode': tokens[0], 'cityName': tokens[1], 'year': int(year) if year else None}


def main(base, out):
    files = {}
    packages = {}
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith('.gml'):
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, base).replace(os.sep, '/')
                files[rel] = inspect(full)
    for folder in sorted(os.listdir(base)):
        if os.path.isdir(os.path.join(base, folder)) and re.match(r'\d{5}_', folder):
            packages[folder] = package_name(folder)
    with open(out, 'w', encoding='utf-8') as f:
        json.dump({'generator': 'standards/src/test/truth/plateau_truth.py', 'files': files, 'packages': packages},
                  f, indent=2, ensure_ascii=False, sort_keys=False)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
