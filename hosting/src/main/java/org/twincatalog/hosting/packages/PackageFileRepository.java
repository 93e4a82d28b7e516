package org.twincatalog.hosting.packages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes the index of hosted package files ({@code package_file}). */
@ApplicationScoped
public class PackageFileRepository {
    private final EntityManager em;

    public PackageFileRepository(EntityManager em) {
        this.em = em;
    }

    /** Adds the files of a package (inside the caller's transaction). */
    void saveAll(List<PackageFileEntity> files) {
        files.forEach(em::persist);
        em.flush();
    }

    Optional<PackageFileEntity> find(long id) {
        return Optional.ofNullable(em.find(PackageFileEntity.class, id));
    }

    List<PackageFileEntity> findAll(Collection<Long> ids) {
        return em.createQuery(
                        "select f from PackageFileEntity f where f.id in :ids order by f.id", PackageFileEntity.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** The datasets that hold files matching {@code query}. */
    List<String> datasetsMatching(FileQuery query) {
        FileQuery.Condition c = query.condition();
        return bind(
                        em.createQuery(
                                "select distinct f.datasetId from PackageFileEntity f " + c.where(), String.class),
                        c)
                .getResultList();
    }

    /** Up to {@code limit} files matching {@code query} in {@code datasets}, after {@code afterId}, by id. */
    List<PackageFileEntity> matching(FileQuery query, Collection<String> datasets, long afterId, int limit) {
        if (datasets.isEmpty()) {
            return List.of();
        }
        FileQuery.Condition c = query.condition();
        TypedQuery<PackageFileEntity> q = bind(
                em.createQuery(
                        "select f from PackageFileEntity f " + c.where()
                                + " and f.datasetId in :allowed and f.id > :after order by f.id",
                        PackageFileEntity.class),
                c);
        return q.setParameter("allowed", datasets)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Whether any package file refers to the blob. */
    boolean isReferenced(String sha256) {
        return em.createQuery("select count(f) from PackageFileEntity f where f.sha256 = :sha", Long.class)
                        .setParameter("sha", sha256)
                        .getSingleResult()
                > 0;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> q, FileQuery.Condition c) {
        c.parameters().forEach(q::setParameter);
        return q;
    }
}
