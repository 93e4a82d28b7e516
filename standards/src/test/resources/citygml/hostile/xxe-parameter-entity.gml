<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE core:CityModel [
  <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
  %remote;
]>
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0"/>
