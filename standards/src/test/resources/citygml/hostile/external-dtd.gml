<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE core:CityModel SYSTEM "http://127.0.0.1:9/citygml.dtd">
<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0"/>
