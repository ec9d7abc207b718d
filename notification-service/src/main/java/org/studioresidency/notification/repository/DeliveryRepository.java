package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.mail.InlineImage;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** Filters of the delivery log; null means "any". */
    public record Filter(UUID schoolId, String recipientEmail, String template, Delivery.Status status) {
    }

    public List<Delivery> newestFirst(Filter filter, int limit) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.schoolId() != null) {
            clauses.add("schoolId = :school");
            parameters.and("school", filter.schoolId());
        }
        if (filter.recipientEmail() != null) {
            clauses.add("lower(recipientEmail) = lower(:recipient)");
            parameters.and("recipient", filter.recipientEmail());
        }
        if (filter.template() != null) {
            clauses.add("template = :template");
            parameters.and("template", filter.template());
        }
        if (filter.status() != null) {
            clauses.add("status = :status");
            parameters.and("status", filter.status());
        }
        String where = clauses.isEmpty() ? "" : String.join(" AND ", clauses) + " ";
        return find(where + "ORDER BY createdAt DESC, id", parameters).page(0, limit).list();
    }

    /**
     * Inserts the delivery unless one with the same dedupe key exists; true when inserted. The unique key, not a
     * read-then-write, decides, so two consumers or two service instances cannot both record the same email.
     */
    public boolean recordIfNew(Delivery d) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO delivery (id, dedupe_key, template, recipient_email, recipient_name, school_id, subject,
                                              status, attempts, smtp_message_id, source_event_ids, html_body, text_body,
                                              calendar, calendar_method, next_attempt_at)
                        VALUES (:id, :dedupeKey, :template, :email, :name, :school, :subject, 'PENDING', 0, :messageId,
                                string_to_array(:sources, E'\\n'), :html, :text, :calendar, :calendarMethod, now())
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .setParameter("id", d.id)
                .setParameter("dedupeKey", d.dedupeKey)
                .setParameter("template", d.template)
                .setParameter("email", d.recipientEmail)
                .setParameter("name", d.recipientName)
                .setParameter("school", d.schoolId)
                .setParameter("subject", d.subject)
                .setParameter("messageId", d.smtpMessageId)
                .setParameter("sources", String.join("\n", d.sourceEventIds))
                .setParameter("html", d.htmlBody)
                .setParameter("text", d.textBody)
                .setParameter("calendar", d.calendar)
                .setParameter("calendarMethod", d.calendarMethod)
                .executeUpdate() == 1;
    }

    /** Stores the images a delivery's HTML shows inline, in the delivery's transaction. */
    public void recordImages(UUID deliveryId, List<InlineImage> images) {
        for (int i = 0; i < images.size(); i++) {
            InlineImage image = images.get(i);
            getEntityManager().createNativeQuery("""
                            INSERT INTO delivery_image (delivery_id, position, content_id, file_name, content_type, data)
                            VALUES (:delivery, :position, :contentId, :fileName, :contentType, :data)""")
                    .setParameter("delivery", deliveryId)
                    .setParameter("position", i)
                    .setParameter("contentId", image.contentId())
                    .setParameter("fileName", image.fileName())
                    .setParameter("contentType", image.contentType())
                    .setParameter("data", image.data())
                    .executeUpdate();
        }
    }

    /** The inline images of the given deliveries, in the order they were recorded. */
    @SuppressWarnings("unchecked")
    public Map<UUID, List<InlineImage>> imagesOf(List<UUID> deliveryIds) {
        Map<UUID, List<InlineImage>> images = new HashMap<>();
        if (deliveryIds.isEmpty()) {
            return images;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT delivery_id, content_id, file_name, content_type, data FROM delivery_image
                        WHERE delivery_id IN (:ids) ORDER BY delivery_id, position""")
                .setParameter("ids", deliveryIds)
                .getResultList();
        for (Object[] r : rows) {
            images.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
                    .add(new InlineImage((String) r[1], (String) r[2], (String) r[3], (byte[]) r[4]));
        }
        return images;
    }

    /**
     * Locks up to {@code limit} deliveries due now, skipping rows another instance holds, and pushes their next
     * attempt past {@code leaseUntil} so that no one else picks them up while this instance is sending them.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(int limit, OffsetDateTime leaseUntil) {
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        SELECT id FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter("limit", limit)
                .getResultList();
        if (!ids.isEmpty()) {
            update("attempts = attempts + 1, nextAttemptAt = ?1 WHERE id IN ?2", leaseUntil, ids);
        }
        return ids;
    }

    public long countByRecipient(String email) {
        return count("lower(recipientEmail) = lower(?1)", email);
    }
}
