package vn.dieuhanh.workspace;

import java.awt.*; import java.awt.image.BufferedImage; import javax.imageio.ImageIO; import java.io.File;

/**
 * Draws the web app's icons (docs/webapp.md): {@code cd src/main/resources/static/app &&
 * java -Djava.awt.headless=true ../../../../test/java/vn/dieuhanh/workspace/AppIcons.java}. Not a test.
 */
public class AppIcons { public static void main(String[] a) throws Exception { for (int size : new int[]{192,512}) {
 BufferedImage img = new BufferedImage(size,size,BufferedImage.TYPE_INT_RGB); Graphics2D g = img.createGraphics();
 g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
 g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
 g.setColor(new Color(0x9b1c1c)); g.fillRect(0,0,size,size);
 g.setColor(new Color(0xfacc15)); int r = size/7; int[] xs=new int[10], ys=new int[10];
 for (int i=0;i<10;i++){ double ang=-Math.PI/2+i*Math.PI/5; double rr=(i%2==0)?r:r*0.42; xs[i]=(int)(size/2+rr*Math.cos(ang)); ys[i]=(int)(size*0.30+rr*Math.sin(ang)); }
 g.fillPolygon(xs,ys,10);
 g.setColor(Color.WHITE); g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int)(size*0.30)));
 String t="ĐH"; FontMetrics fm=g.getFontMetrics(); g.drawString(t,(size-fm.stringWidth(t))/2,(int)(size*0.78));
 g.dispose(); ImageIO.write(img,"png",new File("icon-"+size+".png")); } } }
