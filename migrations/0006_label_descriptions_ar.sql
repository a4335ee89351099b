-- Label descriptions per interface language: an Arabic description beside the English one (the Arabic
-- interface shows it; empty falls back to the English). The default news labels get theirs where the
-- project still has the default English description.
ALTER TABLE labels ADD COLUMN description_ar TEXT NOT NULL DEFAULT '';

UPDATE labels SET description_ar = CASE name
    WHEN 'PER' THEN 'شخص: فرد مسمّى باسمه'
    WHEN 'ORG' THEN 'منظمة: هيئة أو شركة أو مؤسسة أو فريق'
    WHEN 'LOC' THEN 'مكان: بلد أو مدينة أو منطقة أو موقع'
    WHEN 'EVENT' THEN 'حدث: مؤتمر أو معرض أو بطولة أو عملية'
    WHEN 'DATE' THEN 'تاريخ أو مدة: يوم أو شهر أو سنة'
    WHEN 'security' THEN 'الأمن والشرطة والدفاع'
    WHEN 'politics' THEN 'السياسة والدبلوماسية'
    WHEN 'economy' THEN 'الاقتصاد والأعمال'
    WHEN 'sports' THEN 'الرياضة'
    WHEN 'irrelevant' THEN 'ليس مقالًا إخباريًا، أو خارج الموضوع'
    END
WHERE (kind, name, description) IN (VALUES
    ('span', 'PER', 'Person: a named individual (شخص)'),
    ('span', 'ORG', 'Organisation: agency, company, institution, team (منظمة)'),
    ('span', 'LOC', 'Place: country, city, region, site (مكان)'),
    ('span', 'EVENT', 'Event: conference, exhibition, tournament, operation (حدث)'),
    ('span', 'DATE', 'Date or period: day, month, year (تاريخ)'),
    ('tag', 'security', 'Security, policing, defence'),
    ('tag', 'politics', 'Politics and diplomacy'),
    ('tag', 'economy', 'Economy and business'),
    ('tag', 'sports', 'Sports'),
    ('tag', 'irrelevant', 'Not a news article, or off-topic'));
