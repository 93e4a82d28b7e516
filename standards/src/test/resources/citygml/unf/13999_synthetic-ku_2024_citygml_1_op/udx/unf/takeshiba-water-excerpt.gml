<?xml version="1.0" encoding="UTF-8"?>
<!--
  SYNTHETIC test fixture, written for twin-catalog: not real PLATEAU data. An underground utility
  (unf) file in the shape of PLATEAU's i-UR 3.1 UtilityNetwork files,
  a name that follows no PLATEAU convention; only the udx/unf/ folder says what it holds.
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
      <gml:lowerCorner>35.6550 139.7600 0.9</gml:lowerCorner>
      <gml:upperCorner>35.6556 139.7604 0.9</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <core:cityObjectMember>
    <uro:WaterPipe gml:id="unf_synth_water_0003">
      <frn:class codeSpace="../../codelists/CityFurniture_class.xml">1010</frn:class>
      <frn:lod1Geometry>
        <gml:MultiCurve>
          <gml:curveMember>
            <gml:LineString>
              <gml:posList>35.6550 139.7600 0.9 35.6556 139.7604 0.9</gml:posList>
            </gml:LineString>
          </gml:curveMember>
        </gml:MultiCurve>
      </frn:lod1Geometry>
      <uro:occupierType codeSpace="../../codelists/UtilityNetworkElement_occupierType.xml">1</uro:occupierType>
      <uro:depth uom="m">1.8</uro:depth>
    </uro:WaterPipe>
  </core:cityObjectMember>
</core:CityModel>
