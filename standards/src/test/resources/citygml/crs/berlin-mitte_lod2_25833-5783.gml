<?xml version="1.0" encoding="UTF-8"?>
<!--
  SYNTHETIC test fixture, written for twin-catalog: not real data. Two invented buildings beside the
  Brandenburg Gate in Berlin, in the style of the CityGML 1.0 files German cities publish. The
  srsName is the OGC compound URN of ETRS89 / UTM zone 33N (EPSG:25833, easting first) with
  DHHN92 height (EPSG:5783). Coordinates are metres; heights are plausible ground and eave levels.
  Native extent of all coordinates: E 389890..389980, N 5819650..5819710, H 34.0..54.8
  (WGS 84: 13.377287..13.378633 E, 52.515828..52.516385 N).
-->
<CityModel xmlns="http://www.opengis.net/citygml/1.0"
           xmlns:bldg="http://www.opengis.net/citygml/building/1.0"
           xmlns:gen="http://www.opengis.net/citygml/generics/1.0"
           xmlns:gml="http://www.opengis.net/gml"
           xmlns:xlink="http://www.w3.org/1999/xlink"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
           xsi:schemaLocation="http://www.opengis.net/citygml/building/1.0 http://schemas.opengis.net/citygml/building/1.0/building.xsd">
  <gml:name>Berlin Mitte, synthetic excerpt</gml:name>
  <gml:boundedBy>
    <gml:Envelope srsName="urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783" srsDimension="3">
      <gml:lowerCorner>389890.0 5819650.0 34.0</gml:lowerCorner>
      <gml:upperCorner>389980.0 5819710.0 54.8</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <cityObjectMember>
    <bldg:Building gml:id="BLDG_SYNTH_0001">
      <gen:stringAttribute name="Gemeindeschluessel">
        <gen:value>11000000</gen:value>
      </gen:stringAttribute>
      <bldg:function>31001_1000</bldg:function>
      <bldg:roofType>1000</bldg:roofType>
      <bldg:measuredHeight uom="urn:adv:uom:m">20.6</bldg:measuredHeight>
      <bldg:boundedBy>
        <bldg:GroundSurface gml:id="BLDG_SYNTH_0001_ground">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">389890.0 5819690.0 34.2 389890.0 5819710.0 34.2 389950.0 5819710.0 34.2 389950.0 5819690.0 34.2 389890.0 5819690.0 34.2</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:GroundSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:RoofSurface gml:id="BLDG_SYNTH_0001_roof">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">389890.0 5819690.0 54.8 389950.0 5819690.0 54.8 389950.0 5819710.0 54.8 389890.0 5819710.0 54.8 389890.0 5819690.0 54.8</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:RoofSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="BLDG_SYNTH_0001_wall_south">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">389890.0 5819690.0 34.2 389950.0 5819690.0 34.2 389950.0 5819690.0 54.8 389890.0 5819690.0 54.8 389890.0 5819690.0 34.2</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
      <bldg:boundedBy>
        <bldg:WallSurface gml:id="BLDG_SYNTH_0001_wall_north">
          <bldg:lod2MultiSurface>
            <gml:MultiSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">389950.0 5819710.0 34.2 389890.0 5819710.0 34.2 389890.0 5819710.0 54.8 389950.0 5819710.0 54.8 389950.0 5819710.0 34.2</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:MultiSurface>
          </bldg:lod2MultiSurface>
        </bldg:WallSurface>
      </bldg:boundedBy>
    </bldg:Building>
  </cityObjectMember>
  <cityObjectMember>
    <bldg:Building gml:id="BLDG_SYNTH_0002">
      <bldg:function>31001_2000</bldg:function>
      <bldg:measuredHeight uom="urn:adv:uom:m">18.0</bldg:measuredHeight>
      <bldg:lod1Solid>
        <gml:Solid>
          <gml:exterior>
            <gml:CompositeSurface>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">389960.0 5819650.0 34.0 389960.0 5819672.0 34.0 389980.0 5819672.0 34.0 389980.0 5819650.0 34.0 389960.0 5819650.0 34.0</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
              <gml:surfaceMember>
                <gml:Polygon>
                  <gml:exterior>
                    <gml:LinearRing>
                      <gml:posList srsDimension="3">389960.0 5819650.0 52.0 389980.0 5819650.0 52.0 389980.0 5819672.0 52.0 389960.0 5819672.0 52.0 389960.0 5819650.0 52.0</gml:posList>
                    </gml:LinearRing>
                  </gml:exterior>
                </gml:Polygon>
              </gml:surfaceMember>
            </gml:CompositeSurface>
          </gml:exterior>
        </gml:Solid>
      </bldg:lod1Solid>
    </bldg:Building>
  </cityObjectMember>
</CityModel>
