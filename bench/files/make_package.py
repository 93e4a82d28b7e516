"""Builds a PLATEAU-style package zip of about TARGET_MB from the PLATEAU samples: the Tokyo sample's
files plus copies of its LOD2 building file under other 3rd-level mesh codes of 5339-45."""
import os
import sys
import zipfile

src, target, target_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
pkg = "13100_tokyo23-ku_2020_citygml_bench"
base = os.path.join(src, "13100_tokyo23-ku_2020_citygml_sample")
bldg = open(os.path.join(base, "udx/bldg/53394525_bldg_6697_2_op.gml"), "rb").read()
total = 0
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    for root, _, files in os.walk(base):
        for f in sorted(files):
            p = os.path.join(root, f)
            z.write(p, pkg + "/" + os.path.relpath(p, base))
            total += os.path.getsize(p)
    i = 0
    while total < target_mb * 1024 * 1024:
        mesh = "533945%02d" % (i % 100) + ("" if i < 100 else "%d" % (i // 100))
        mesh = mesh[:10]
        z.writestr(pkg + "/udx/bldg/%s_bldg_6697_%d_op.gml" % (mesh, i), bldg)
        total += len(bldg)
        i += 1
print(total)
