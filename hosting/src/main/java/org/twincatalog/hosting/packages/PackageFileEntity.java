package org.twincatalog.hosting.packages;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One file of a hosted package, as the lookup and the pack read it. Never returned by the API. */
@Entity
@Table(name = "package_file")
public class PackageFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dataset_id")
    public String datasetId;

    /** The package folder, e.g. {@code 13100_tokyo23-ku_2020_citygml_sample}. */
    @Column(name = "package_name")
    public String packageName;

    /** The path inside the package folder, e.g. {@code udx/bldg/53394525_bldg_6697_2_op.gml}. */
    public String path;

    @Column(name = "city_code")
    public String cityCode;

    @Column(name = "feature_type")
    public String featureType;

    @Column(name = "mesh_code")
    public String meshCode;

    /** Levels of detail with geometry, comma-separated ascending; null for files that are not CityGML. */
    public String lods;

    @Column(name = "max_lod")
    public Integer maxLod;

    public Integer epsg;

    @Column(name = "min_lon")
    public Double minLon;

    @Column(name = "min_lat")
    public Double minLat;

    @Column(name = "max_lon")
    public Double maxLon;

    @Column(name = "max_lat")
    public Double maxLat;

    @Column(name = "byte_size")
    public long byteSize;

    public String sha256;

    public long crc32;

    @Column(name = "media_type")
    public String mediaType;

    /** The zip entry name of this file in a pack. */
    public String entryName() {
        return packageName + "/" + path;
    }
}
