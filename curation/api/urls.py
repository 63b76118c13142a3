from rest_framework.routers import DefaultRouter

from curation.api import views

app_name = "api"

router = DefaultRouter()
router.APIRootView = views.ApiRootView
router.register("articles", views.ArticleViewSet, basename="article")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("tags", views.TagViewSet, basename="tag")
router.register("corrections", views.CorrectionViewSet, basename="correction")

urlpatterns = router.urls
