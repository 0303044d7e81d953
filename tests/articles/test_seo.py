"""What search engines and link previews see."""

import json

from articles.models import Contributor


def jsonld(html):
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


def test_article_head_has_title_description_canonical_and_open_graph(client, make_article):
    article = make_article(title="Symptoms", summary="Signs to look out for.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<title>Symptoms · Postpartum Sciatica Relief</title>" in html
    assert '<meta name="description" content="Signs to look out for.">' in html
    assert f'<link rel="canonical" href="http://testserver{article.get_absolute_url()}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Symptoms">' in html


def test_unreviewed_article_says_so_and_claims_no_review(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Not yet clinically reviewed." in html
    data = jsonld(html)
    assert data["@type"] == "MedicalWebPage"
    assert "reviewedBy" not in data
    assert "lastReviewed" not in data


def test_reviewed_article_names_its_reviewer(client, make_article, db):
    reviewer = Contributor.objects.create(
        name="Sam Jones", slug="sam-jones", credentials="Physiotherapist", bio="Pelvic health."
    )
    article = make_article(reviewer=reviewer)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Clinically reviewed by <strong>Sam Jones, Physiotherapist</strong>" in html
    assert "Not yet clinically reviewed" not in html
    assert "Page last reviewed: <time" in html and "checked against sources" not in html
    data = jsonld(html)
    assert data["reviewedBy"] == {"@type": "Person", "name": "Sam Jones"}
    assert data["lastReviewed"] == article.last_reviewed.isoformat()


def test_json_ld_cannot_break_out_of_its_script_tag(client, make_article):
    article = make_article(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in block
    assert jsonld(html)["headline"] == "</script><script>alert(1)</script>"


def test_sitemap_lists_published_pages(client, make_article, make_exercise):
    article = make_article()
    exercise = make_exercise()
    xml = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{article.get_absolute_url()}" in xml
    assert f"http://testserver{exercise.get_absolute_url()}" in xml


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_related_articles_prefer_the_editors_choice(client, make_article, make_tag):
    tag = make_tag()
    article = make_article(tags=[tag])
    make_article(title="Shares a tag", tags=[tag])
    chosen = make_article(title="Chosen by editor")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Shares a tag" in html
    article.related.set([chosen])
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Chosen by editor" in html
    assert "Shares a tag" not in html
