<?xml version="1.0" encoding="UTF-8"?>
<!--
  SYNTHETIC test fixture, written for twin-catalog: not real PLATEAU data. An underground utility
  (unf) file in the shape of PLATEAU's i-UR 3.1 UtilityNetwork files,
  the conventional name <mesh>_unf_<crs>_op.gml.
  Invented pipes under Takeshiba, Tokyo (mesh 53393680), EPSG:6697 (latitude, longitude, height).
-->
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0"
                xmlns:frn="http://www.opengis.net/citygml/cityfurniture/2.0"
                xmlns:gml="http://www.opengis.net/gml"
                xmlns:uro="https://www.geospatial.jp/iur/uro/3.1"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <gml:boundedBy>
    <gml:Envelope srsName="http://www.opengis.net/def/crs/EPSG/0/6697" srsDimension="3">
      <gml:lowerCorner>35.6540 139.7600 1.1</gml:lowerCorner>
      <gml:upperCorner>35.6552 139.7612 1.3</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <uro:WaterPipe gml:id="unf_synth_water_0001">
      <frn:class codeSpace="../../codelists/CityFurniture_class.xml">1010</frn:class>
      <frn:lod1Geometry>
        <gml:MultiCurve>
          <gml:curveMember>
            <gml:LineString>
              <gml:posList>35.6540 139.7600 1.2 35.6546 139.7606 1.2 35.6552 139.7612 1.3</gml:posList>
            </gml:LineString>
          </gml:curveMember>
        </gml:MultiCurve>
      </frn:lod1Geometry>
      <uro:occupierType codeSpace="../../codelists/UtilityNetworkElement_occupierType.xml">1</uro:occupierType>
      <uro:depth uom="m">1.8</uro:depth>
    </uro:WaterPipe>
  </core:cityObjectMember>
  <core:cityObjectMember>
    <uro:WaterPipe gml:id="unf_synth_water_0002">
      <frn:class codeSpace="../../codelists/CityFurniture_class.xml">1010</frn:class>
      <frn:lod1Geometry>
        <gml:MultiCurve>
          <gml:curveMember>
            <gml:LineString>
              <gml:posList>35.6546 139.7606 1.2 35.6546 139.7612 1.1</gml:posList>
            </gml:LineString>
          </gml:curveMember>
        </gml:MultiCurve>
      </frn:lod1Geometry>
      <uro:occupierType codeSpace="../../codelists/UtilityNetworkElement_occupierType.xml">1</uro:occupierType>
      <uro:depth uom="m">1.8</uro:depth>
    </uro:WaterPipe>
  </core:cityObjectMember>
</core:CityModel>
