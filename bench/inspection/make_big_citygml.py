#!/usr/bin/env python3
"""Builds a large CityGML file by repeating the city objects of a real PLATEAU sample.

The header (root element, namespaces, boundedBy) and the footer are kept once; the block of
core:cityObjectMember elements is written again and again until the target size is reached.
gml:id values repeat, which an inspector that does not resolve references does not mind.

Usage: make_big_citygml.py <source.gml> <output.gml> <target-megabytes>
"""
import sys

src, out, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
start = data.index(b'<core:cityObjectMember')
end = data.rindex(b'</core:CityModel>')
header, members, footer = data[:start], data[start:end], data[end:]
target = target_mb * 1024 * 1024
with open(out, 'wb') as f:
    f.write(header)
    written, copies = len(header), 0
    while written + len(members) + len(footer) <= target:
        f.write(members)
        written += len(members)
        copies += 1
    f.write(footer)
print(f'{out}: {written + len(footer)} bytes, {copies} copies of {len(members)} bytes of city objects')
